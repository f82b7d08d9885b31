package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.PreferWait;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.ReservationChanges;
import com.medicarewizard.port.ReservationChanges.Awaited;
import com.medicarewizard.port.Reservations;

import java.time.Duration;
import java.util.Optional;

/**
 * The caller's own reservations: {@link #one()} for {@code GET /api/v1/reservations/{id}} and
 * {@link #all()} for {@code GET /api/v1/reservations}. Another patient's reservation, a missing
 * one and a malformed id get one and the same 404, at once.
 *
 * <p>A read of one reservation with {@code Prefer: wait=N} (RFC 7240) answers as soon as the
 * allocator has nothing left to do on it (decided, or its requested cancellation carried out), or
 * after N seconds with what is stored then, and never before what it answers is durable
 * ({@link ReservationChanges#awaitDurable}: even a first read showing it decided may precede the
 * force) — so that the patient's page learns the decision when it is made with one request, instead
 * of asking every few hundred milliseconds (docs/adr/0010). N is
 * capped at {@link #LONGEST_WAIT} and at what the invocation's remaining time allows after
 * {@link #AFTER_WAIT}; the answer says the wait it applied in {@code Preference-Applied}. Without the
 * header, with one the server cannot read, or when {@code changes} has no room for another waiter,
 * it answers at once without {@code Preference-Applied}, and the client keeps polling.
 */
public record ReadReservations(Reservations reservations, ReservationChanges changes, CenterCatalog catalog) {
    /** The longest a read waits, whatever the client prefers (PRODUCT.md: N ≤ 20). */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(20);
    /**
     * What a wait leaves of the invocation's time: the last read and the answer, with room for a slow
     * table. The intake's timeout (FunctionSpecs) holds {@link #LONGEST_WAIT} plus this.
     */
    public static final Duration AFTER_WAIT = Duration.ofSeconds(3);

    public PatientRoute one() {
        return (request, session) -> {
            Reservation own = own(reservations, request, session.patient());
            Optional<Duration> wait = PreferWait.of(request).map(asked -> applicable(asked, request.remainingTime()))
                    .filter(applied -> !applied.isZero());
            if (wait.isEmpty()) {
                return answer(own);
            }
            return awaitOutcome(own, wait.get(), session.patient())
                    .map(outcome -> answer(outcome).header(PreferWait.APPLIED, PreferWait.applied(wait.get())))
                    .orElseGet(() -> answer(own));
        };
    }

    public PatientRoute all() {
        return (request, session) -> {
            var center = catalog.current();
            var list = reservations.ofPatient(session.patient()).stream()
                    .map(r -> ReservationBody.of(r, center)).toList();
            return Response.json(200, list).noStore();
        };
    }

    /** The reservation named by the path, if it is the patient's; otherwise 404. */
    public static Reservation own(Reservations reservations, Request request, PatientId patient) {
        Optional<ReservationId> id = request.pathParameter("id").flatMap(ReservationId::parse);
        return id.flatMap(reservations::find)
                .filter(r -> r.patient().equals(patient))
                .orElseThrow(() -> Problems.notFound().raise());
    }

    /** The wait applied to one that asks for {@code asked}: whole seconds, within the caps. */
    static Duration applicable(Duration asked, Duration remaining) {
        Duration allowed = remaining.minus(AFTER_WAIT);
        Duration capped = asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked;
        if (allowed.compareTo(capped) < 0) {
            capped = allowed.isNegative() ? Duration.ZERO : allowed;
        }
        return Duration.ofSeconds(capped.toSeconds());
    }

    /**
     * {@code seen} as stored once the allocator is done with it, or once {@code wait} has passed;
     * empty when {@code changes} refused to wait at all. A change that leaves it awaiting the
     * allocator (a cancel request recorded meanwhile) waits on, within the same time.
     */
    private Optional<Reservation> awaitOutcome(Reservation seen, Duration wait, PatientId patient) {
        if (!seen.awaitsAllocator()) {
            return Optional.of(durable(seen, wait, patient));
        }
        long end = System.nanoTime() + wait.toNanos();
        Reservation current = seen;
        while (current.awaitsAllocator()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Awaited awaited;
            try {
                awaited = changes.awaitChange(current, Duration.ofNanos(left));
            } catch (InterruptedException e) {
                // the invocation is being given up: what is known now is the answer, if anyone still reads it
                Thread.currentThread().interrupt();
                break;
            }
            if (!awaited.waited()) {
                return current == seen ? Optional.empty() : Optional.of(current);
            }
            current = awaited.reservation().filter(r -> r.patient().equals(patient))
                    .orElseThrow(() -> Problems.notFound().raise());
        }
        return Optional.of(current);
    }

    /**
     * {@code seen}, final when first read, once it is durable (or what was durable when {@code wait}
     * ran out): the first read may show a decision whose force is still under way, and a waiting
     * patient is told only what a power loss cannot take back.
     */
    private Reservation durable(Reservation seen, Duration wait, PatientId patient) {
        try {
            return changes.awaitDurable(seen, wait).reservation().filter(r -> r.patient().equals(patient))
                    .orElseThrow(() -> Problems.notFound().raise());
        } catch (InterruptedException e) {
            // the invocation is being given up: nobody reads the answer
            Thread.currentThread().interrupt();
            return seen;
        }
    }

    private Response answer(Reservation reservation) {
        return Response.json(200, ReservationBody.of(reservation, catalog.current())).noStore();
    }
}
