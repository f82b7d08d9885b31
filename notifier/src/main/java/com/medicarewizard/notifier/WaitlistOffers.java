package com.medicarewizard.notifier;

import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.domain.waitlist.WaitlistEntry;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Waitlist;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Offers a freed time to the waitlist: when a booking's time frees up (its patient cancelled it, moved
 * it, or an offer of it was declined or lapsed), the first entry waiting for it, in the order they joined
 * ({@link WaitlistEntry#wants}), gets an offer: a request in that patient's name, queued to the allocator
 * like any, which HOLDS the time for {@link #hold} when it is still free. An entry with an offer not yet
 * answered is passed over, and an offer rejected because its patient holds too many bookings passes the
 * time on. The notifier then tells the
 * patient (e-mail and SMS with a link), and the reminders' schedule fires the offer's lapse; a lapsed or
 * declined offer frees the time again, and it comes back here for the next entry.
 *
 * <p>Each freed time is offered once: the offer's id is derived from the freed reservation's, so a stream
 * record handled again finds the offer it made (and queues it again, the allocator deciding it once),
 * never a second one. A time the center took back (CENTER_CLOSED), or too near to book, is not offered.
 */
public final class WaitlistOffers {
    private static final Logger LOG = LogManager.getLogger(WaitlistOffers.class);
    /** How long an offer keeps its time for the patient, unless configured otherwise. */
    public static final Duration STANDARD_HOLD = Duration.ofMinutes(15);
    private final Waitlist waitlist;
    private final Reservations reservations;
    private final ReservationQueue queue;
    private final CenterCatalog catalog;
    private final Patients patients;
    private final Duration hold;
    private final Clock clock;

    public WaitlistOffers(Waitlist waitlist, Reservations reservations, ReservationQueue queue, CenterCatalog catalog,
                          Patients patients, Duration hold, Clock clock) {
        this.waitlist = Objects.requireNonNull(waitlist, "waitlist");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.patients = Objects.requireNonNull(patients, "patients");
        if (!hold.isPositive()) {
            throw new IllegalArgumentException("an offer is held for a positive time: " + hold);
        }
        this.hold = hold;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether {@code reservation} left a time worth offering, ahead of {@code now}: CANCELLED while it held
     * cells (not by the center, whose time is gone); or an offer REJECTED because its patient holds as many
     * bookings as one may — the time is still free, so it passes to the next entry.
     */
    static boolean freesTime(Reservation reservation, Instant now) {
        boolean freed = reservation.status() == ReservationStatus.CANCELLED && !reservation.resources().isEmpty()
                && reservation.reason().filter(RejectionReason.CENTER_CLOSED::equals).isEmpty();
        boolean passedOn = reservation.isOffer() && reservation.status() == ReservationStatus.REJECTED
                && reservation.reason().filter(RejectionReason.TOO_MANY_BOOKINGS::equals).isPresent();
        return (freed || passedOn) && reservation.start().isAfter(now);
    }

    /** The id of the offer of the time {@code freed} held: the same for every handling of the same record. */
    static ReservationId offerOf(ReservationId freed) {
        return new ReservationId(UUID.nameUUIDFromBytes(("waitlist-offer:" + freed.value())
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    /**
     * Offers the time {@code freed} held to the first entry it fits, and queues the offer.
     *
     * @return the offer, made now or by an earlier handling; empty when no one waits for that time
     * @throws ReservationQueue.QueueUnavailableException when the offer could not be queued: it is recorded,
     *     so the record's next handling queues it (and the sweeper re-sends PENDING requests anyway)
     */
    public Optional<Reservation> offer(Reservation freed) {
        Instant now = clock.instant();
        if (!freesTime(freed, now)) {
            return Optional.empty();
        }
        ReservationId id = offerOf(freed.id());
        Optional<Reservation> made = reservations.find(id);
        if (made.isEmpty()) {
            made = newOffer(id, freed, now);
        }
        made.ifPresent(offer -> {
            waitlist.find(offer.offer().orElseThrow().waitlistEntry()).ifPresent(e -> waitlist.markOffered(e, freed));
            if (offer.status() == ReservationStatus.PENDING) {
                queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, offer.id(), offer.correlationId()));
            }
        });
        return made;
    }

    private Optional<Reservation> newOffer(ReservationId id, Reservation freed, Instant now) {
        Optional<Site> site = catalog.current().site(freed.site());
        if (site.isEmpty()) {
            return Optional.empty();
        }
        for (WaitlistEntry entry : waitlist.waiting(freed.examType())) {
            if (!entry.wants(freed, site.get().zone()) || patients.isErased(entry.patient()) || hasOpenOffer(entry)) {
                continue;
            }
            // a correlation id of its own: the freed booking was another patient's
            Reservation request = Reservation.offerRequest(id, entry.patient(), freed, entry.id(), hold, now,
                    "waitlist-" + UUID.randomUUID());
            try {
                reservations.create(request, Optional.empty());
            } catch (Reservations.ConcurrentChangeException madeMeanwhile) {
                return reservations.find(id);
            }
            LOG.info("time of reservation {} offered as {} to waitlist entry {}", freed.id(), id, entry.id());
            return Optional.of(request);
        }
        return Optional.empty();
    }

    /**
     * Whether the entry has an offer not yet answered (being decided, or HELD): one time at a time per entry,
     * so the first patient waiting does not take every time that frees up meanwhile.
     */
    private boolean hasOpenOffer(WaitlistEntry entry) {
        return reservations.ofPatient(entry.patient()).stream()
                .anyMatch(r -> r.offer().filter(o -> o.waitlistEntry().equals(entry.id())).isPresent()
                        && (r.status() == ReservationStatus.PENDING || r.status() == ReservationStatus.HELD));
    }

    /** An offer accepted and CONFIRMED: its entry has done its work. */
    public void accepted(Reservation confirmed) {
        confirmed.offer().ifPresent(offer -> waitlist.remove(offer.waitlistEntry()));
    }
}
