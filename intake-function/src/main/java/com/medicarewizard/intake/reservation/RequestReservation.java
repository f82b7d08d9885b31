package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Tokens;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/reservations}: records the request as PENDING, then asks the allocator to
 * decide it, and answers 202 at once. The PENDING record is the source of truth: when the queue
 * refuses the message the answer is still 202, and the sweeper re-sends it later.
 *
 * <p>Idempotency: the same {@code Idempotency-Key} from the same patient with the same exam,
 * start (and site, when one was named) answers the reservation the first request created; the
 * same key with a different payload is a 422 {@code idempotency-key-reused}. A patient who already
 * holds as many bookings ahead as the {@link ActiveBookingsLimit} allows gets a 422 {@code too-many-bookings}.
 *
 * <p>A patient makes at most {@code perPatient} requests (by default 20 a minute, repeats with an
 * idempotency key included); a valid request past it is a 429 {@code too-many-reservation-requests}
 * with Retry-After, and changes nothing.
 */
public record RequestReservation(CenterCatalog catalog, Reservations reservations, ReservationQueue queue,
                                 RateLimits limits, FixedWindow perPatient, ActiveBookingsLimit limit,
                                 Clock clock) implements PatientRoute {
    private static final Logger LOG = LogManager.getLogger(RequestReservation.class);

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Reservation reservation = request(request, session.patient()).reservation();
        return Response.json(202, ReservationBody.of(reservation, catalog.current()))
                .header("Location", "/api/v1/reservations/" + reservation.id())
                .noStore();
    }

    /**
     * The request of {@code patient} recorded PENDING and queued, as {@link #handle} records it for the patient
     * themselves (the front desk books for them through here); a repeat with the same idempotency key answers
     * the reservation the first one created, not new.
     */
    public Reservations.Created request(Request request, PatientId patient) {
        ReservationForm form = ReservationForm.read(request);
        Instant now = clock.instant();
        Center center = catalog.current();
        StartCheck.Accepted accepted = StartCheck.accept(form, center, now);
        if (limits.take("reservations:" + patient.value(), perPatient, now) instanceof Verdict.Refused refused) {
            throw Problems.rateLimited("too-many-reservation-requests", "Too many reservation requests", refused).raise();
        }
        refuseBeyondTheLimit(patient, form, now);
        Reservation pending = Reservation.request(ReservationId.random(), patient, accepted.exam().code(),
                accepted.site().id(), form.start(), form.start().plus(accepted.exam().duration()), now,
                request.correlationId());
        Reservations.Created created = reservations.create(pending, form.idempotencyKey());
        Reservation reservation = created.reservation();
        if (created.isNew()) {
            enqueue(reservation);
        } else if (!samePayload(reservation, form)) {
            throw Problem.of(422, "idempotency-key-reused", "Unprocessable Content",
                    "This idempotency key was already used for a different request.").raise();
        }
        return created;
    }

    /**
     * The friendly side of {@link ActiveBookingsLimit}: a patient who already holds the most bookings
     * ahead is told at once, and nothing is stored. A repeat of one of them (a retry with its
     * idempotency key) goes on, to be answered with the reservation it created. Requests racing past
     * this check are held to the limit by the allocator.
     */
    private void refuseBeyondTheLimit(PatientId patient, ReservationForm form, Instant now) {
        List<Reservation> ahead = reservations.ofPatientStartingAfter(patient, now);
        if (!limit.allowsRequesting(ahead) && ahead.stream().noneMatch(r -> samePayload(r, form))) {
            throw StartCheck.rejected(RejectionReason.TOO_MANY_BOOKINGS).raise();
        }
    }

    private static boolean samePayload(Reservation stored, ReservationForm form) {
        return stored.examType().equals(form.examType()) && stored.start().equals(form.start())
                && form.site().map(stored.site()::equals).orElse(true);
    }

    private void enqueue(Reservation reservation) {
        try {
            queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, reservation.id(),
                    reservation.correlationId()));
            LOG.info("reservation {} accepted and queued", reservation.id());
        } catch (ReservationQueue.QueueUnavailableException e) {
            // the PENDING record is kept; the sweeper re-sends what has waited too long
            LOG.warn("reservation {} accepted but not queued; the sweeper will re-send it", reservation.id());
        }
    }
}
