package com.medicarewizard.domain.reservation;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.SiteId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's reservation, from request (PENDING) to outcome. It guards its own life cycle:
 * only a PENDING one is decided, only a PENDING, CONFIRMED or HELD one is cancelled. {@code version}
 * grows by one with each stored change, so stores can update it with a version condition.
 *
 * <p>A reschedule is a request of its own that {@code replaces} a CONFIRMED reservation of the same
 * patient and exam: the allocator confirms it and cancels the one it replaces together (that one's
 * {@code movedTo} then names it), or rejects it and leaves the replaced one as it was.
 *
 * <p>An {@link Offer} is a request the notifier makes for a patient on the waitlist when a time frees up:
 * decided like any request, it is HELD rather than CONFIRMED — its cells claimed, so no one else can book
 * them — until {@link #heldUntil()}. Accepted in time ({@link #acceptOffer}) it is then CONFIRMED by the
 * allocator; declined or lapsed, it is cancelled like a booking, and its time is offered to the next.
 */
public record Reservation(ReservationId id, PatientId patient, ExamTypeCode examType, SiteId site,
                          Instant start, Instant end, ReservationStatus status, Optional<RejectionReason> reason,
                          List<ResourceId> resources, Instant requestedAt, Optional<Instant> decidedAt,
                          Optional<Instant> cancelRequestedAt, Optional<Instant> cancelledAt,
                          String correlationId, long version, Optional<Replaced> replaces,
                          Optional<ReservationId> movedTo, Optional<Offer> offer) {
    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(examType, "exam type");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requested at");
        Objects.requireNonNull(correlationId, "correlation id");
        resources = List.copyOf(resources);
        Objects.requireNonNull(replaces, "replaces");
        Objects.requireNonNull(movedTo, "moved to");
        Objects.requireNonNull(offer, "offer");
        if (status == ReservationStatus.HELD && offer.isEmpty()) {
            throw new IllegalArgumentException("only an offer is HELD");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a reservation ends after it starts");
        }
    }

    /** A reservation that is no offer, as it was before offers existed. */
    public Reservation(ReservationId id, PatientId patient, ExamTypeCode examType, SiteId site, Instant start,
                       Instant end, ReservationStatus status, Optional<RejectionReason> reason,
                       List<ResourceId> resources, Instant requestedAt, Optional<Instant> decidedAt,
                       Optional<Instant> cancelRequestedAt, Optional<Instant> cancelledAt, String correlationId,
                       long version, Optional<Replaced> replaces, Optional<ReservationId> movedTo) {
        this(id, patient, examType, site, start, end, status, reason, resources, requestedAt, decidedAt,
                cancelRequestedAt, cancelledAt, correlationId, version, replaces, movedTo, Optional.empty());
    }

    /**
     * What makes a request an offer to a patient on the waitlist: the entry it answers, how long the time
     * is held once decided, and when the patient accepted it.
     */
    public record Offer(String waitlistEntry, Duration hold, Optional<Instant> acceptedAt) {
        public Offer {
            Objects.requireNonNull(waitlistEntry, "waitlist entry");
            Objects.requireNonNull(acceptedAt, "accepted at");
            if (!hold.isPositive()) {
                throw new IllegalArgumentException("an offer is held for a positive time: " + hold);
            }
        }
    }

    /**
     * A time freed by {@code freed} (cancelled), offered to {@code patient} for {@code entry}: the same exam,
     * site and time, decided by the allocator like any request, then HELD for {@code hold}.
     */
    public static Reservation offerRequest(ReservationId id, PatientId patient, Reservation freed, String entry,
                                           Duration hold, Instant now, String correlationId) {
        return new Reservation(id, patient, freed.examType, freed.site, freed.start, freed.end, ReservationStatus.PENDING,
                Optional.empty(), List.of(), now, Optional.empty(), Optional.empty(), Optional.empty(), correlationId, 0,
                Optional.empty(), Optional.empty(), Optional.of(new Offer(entry, hold, Optional.empty())));
    }

    /** Whether this is an offer to a patient on the waitlist. */
    public boolean isOffer() {
        return offer.isPresent();
    }

    /** Until when a HELD offer keeps its time for the patient: its decision plus the hold. */
    public Optional<Instant> heldUntil() {
        return offer.flatMap(o -> decidedAt.map(at -> at.plus(o.hold())));
    }

    /**
     * Whether the patient may accept this offer at {@code now}: HELD, neither accepted nor declined nor
     * lapsed, and before {@link #heldUntil()}.
     */
    public boolean isAcceptable(Instant now) {
        return status == ReservationStatus.HELD && cancelRequestedAt.isEmpty()
                && offer.flatMap(Offer::acceptedAt).isEmpty() && heldUntil().filter(now::isBefore).isPresent();
    }

    /** The patient accepted the offer in time; the allocator will confirm it. */
    public Reservation acceptOffer(Instant now) {
        require(isAcceptable(now), "accepted");
        return withOffer(new Offer(offer.get().waitlistEntry(), offer.get().hold(), Optional.of(now)));
    }

    /** Whether the patient accepted this HELD offer (in time: nothing else records an acceptance). */
    public boolean isAccepted() {
        return status == ReservationStatus.HELD && offer.flatMap(Offer::acceptedAt).isPresent();
    }

    /** The accepted offer, CONFIRMED on the cells it already holds. */
    public Reservation confirmAccepted() {
        require(isAccepted() && cancelRequestedAt.isEmpty(), "confirmed");
        return copy(ReservationStatus.CONFIRMED, reason, resources, decidedAt, cancelRequestedAt, cancelledAt);
    }

    /**
     * Whether the offer lapsed unanswered at {@code now}: HELD, not accepted, not declined, its hold over.
     * The allocator then releases its time, and it ends CANCELLED with reason {@link RejectionReason#OFFER_LAPSED}.
     */
    public boolean hasLapsed(Instant now) {
        return status == ReservationStatus.HELD && cancelRequestedAt.isEmpty() && !isAccepted()
                && heldUntil().filter(until -> !now.isBefore(until)).isPresent();
    }

    /** The lapse of an unanswered offer, recorded ({@link #hasLapsed}). */
    public Reservation requestLapse(Instant now) {
        require(hasLapsed(now), "lapsed");
        return copy(status, Optional.of(RejectionReason.OFFER_LAPSED), resources, decidedAt, Optional.of(now),
                cancelledAt);
    }

    /**
     * By when the allocator should have settled this reservation, when it is waiting on the allocator past
     * a decision: a cancellation (or an offer's lapse) recorded, not yet carried out — its recording; an
     * offer accepted, not yet confirmed — its acceptance; an offer unanswered — the end of its hold. Empty
     * otherwise (a PENDING request not being cancelled has the sweeper's own watch; a final or booked one
     * needs nothing).
     */
    public Optional<Instant> settleBy() {
        if (isCancellable() && cancelRequestedAt.isPresent()) {
            return cancelRequestedAt;
        }
        if (status != ReservationStatus.HELD) {
            return Optional.empty();
        }
        return offer.flatMap(Offer::acceptedAt).or(this::heldUntil);
    }

    private Reservation withOffer(Offer next) {
        return new Reservation(id, patient, examType, site, start, end, status, reason, resources, requestedAt,
                decidedAt, cancelRequestedAt, cancelledAt, correlationId, version, replaces, movedTo, Optional.of(next));
    }

    /** A new request, as the intake records it before queueing it. */
    public static Reservation request(ReservationId id, PatientId patient, ExamTypeCode examType, SiteId site,
                                      Instant start, Instant end, Instant now, String correlationId) {
        return new Reservation(id, patient, examType, site, start, end, ReservationStatus.PENDING, Optional.empty(),
                List.of(), now, Optional.empty(), Optional.empty(), Optional.empty(), correlationId, 0, Optional.empty(),
                Optional.empty());
    }

    /**
     * A request to move {@code current} (the patient's CONFIRMED reservation) to {@code [start, end)} at
     * {@code site}: the same exam (its length as the center defines it now), decided by the allocator like
     * any request.
     */
    public static Reservation moveRequest(ReservationId id, Reservation current, SiteId site, Instant start,
                                          Instant end, Instant now, String correlationId) {
        require(current.status == ReservationStatus.CONFIRMED, current.status, "moved");
        return new Reservation(id, current.patient, current.examType, site, start, end, ReservationStatus.PENDING,
                Optional.empty(), List.of(), now, Optional.empty(), Optional.empty(), Optional.empty(), correlationId, 0,
                Optional.of(new Replaced(current.id, current.site, current.start)), Optional.empty());
    }

    /** The reservation a move request replaces, and where and when it stood when the patient asked. */
    public record Replaced(ReservationId reservation, SiteId site, Instant start) {
        public Replaced {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(start, "start");
        }
    }

    /** Whether this is a request to move another reservation. */
    public boolean isMove() {
        return replaces.isPresent();
    }

    public Reservation decide(Decision decision, Instant now) {
        require(status == ReservationStatus.PENDING, "decided");
        return switch (decision) {
            case Decision.Confirmed c -> copy(offer.isPresent() ? ReservationStatus.HELD : ReservationStatus.CONFIRMED,
                    Optional.empty(), c.resources(),
                    Optional.of(now), cancelRequestedAt, cancelledAt);
            case Decision.Rejected r -> copy(ReservationStatus.REJECTED, Optional.of(r.reason()), List.of(),
                    Optional.of(now), cancelRequestedAt, cancelledAt);
        };
    }

    /** The patient asked to cancel; the allocator will release the time. */
    public Reservation requestCancellation(Instant now) {
        require(isCancellable(), "cancelled");
        return copy(status, reason, resources, decidedAt, cancelRequestedAt.or(() -> Optional.of(now)), cancelledAt);
    }

    /**
     * The center can no longer hold this booking (a closure, shorter hours, a resource removed: {@link
     * com.medicarewizard.domain.center.Stranding}); the allocator will release the time, and the reservation
     * ends CANCELLED with reason {@link RejectionReason#CENTER_CLOSED}.
     */
    public Reservation requestCenterCancellation(Instant now) {
        require(status == ReservationStatus.CONFIRMED && cancelRequestedAt.isEmpty(), status, "cancelled by the center");
        return copy(status, Optional.of(RejectionReason.CENTER_CLOSED), resources, decidedAt, Optional.of(now),
                cancelledAt);
    }

    /** The allocator released the time (or there was none to release). */
    public Reservation cancel(Instant now) {
        require(isCancellable(), "cancelled");
        return copy(ReservationStatus.CANCELLED, reason, resources, decidedAt.or(() -> Optional.of(now)),
                cancelRequestedAt.or(() -> Optional.of(now)), Optional.of(now));
    }

    /**
     * This CONFIRMED reservation, moved: CANCELLED in the same write that confirms {@code next}, the
     * request that replaces it. Not a cancellation the patient asked for, so none is recorded.
     */
    public Reservation moveTo(ReservationId next, Instant now) {
        require(status == ReservationStatus.CONFIRMED && cancelRequestedAt.isEmpty(), "moved");
        return new Reservation(id, patient, examType, site, start, end, ReservationStatus.CANCELLED, reason, resources,
                requestedAt, decidedAt, cancelRequestedAt, Optional.of(now), correlationId, version, replaces,
                Optional.of(next), offer);
    }

    /**
     * Whether a move request may replace this reservation now: it is CONFIRMED, not yet started, its
     * patient has not asked to cancel it, and it is of {@code patient} and {@code exam}.
     */
    public boolean isMovableBy(PatientId patient, ExamTypeCode exam, Instant now) {
        return status == ReservationStatus.CONFIRMED && cancelRequestedAt.isEmpty() && !hasStarted(now)
                && this.patient.equals(patient) && examType.equals(exam);
    }

    public boolean isCancellable() {
        return status == ReservationStatus.PENDING || status == ReservationStatus.CONFIRMED
                || status == ReservationStatus.HELD;
    }

    /**
     * Whether the allocator still has to act on it: PENDING (to be decided), or with a cancellation
     * the patient asked for and the allocator has not carried out yet. What a patient waits for.
     */
    public boolean awaitsAllocator() {
        return status == ReservationStatus.PENDING
                || (status == ReservationStatus.CONFIRMED || status == ReservationStatus.HELD) && cancelRequestedAt.isPresent()
                || isAccepted();
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(start);
    }

    private void require(boolean allowed, String change) {
        require(allowed, status, change);
    }

    private static void require(boolean allowed, ReservationStatus status, String change) {
        if (!allowed) {
            throw new IllegalTransitionException(status, change);
        }
    }

    private Reservation copy(ReservationStatus s, Optional<RejectionReason> why, List<ResourceId> held,
                             Optional<Instant> decided, Optional<Instant> cancelRequested, Optional<Instant> cancelled) {
        return new Reservation(id, patient, examType, site, start, end, s, why, held, requestedAt, decided,
                cancelRequested, cancelled, correlationId, version, replaces, movedTo, offer);
    }

    /**
     * The same reservation naming no one ({@link PatientId#ERASED}): its patient erased their account,
     * and the center keeps the record of what was booked, where and when.
     */
    public Reservation anonymised() {
        return new Reservation(id, PatientId.ERASED, examType, site, start, end, status, reason, resources, requestedAt,
                decidedAt, cancelRequestedAt, cancelledAt, correlationId, version, replaces, movedTo, offer);
    }

    /** The same reservation as stored with the given version. */
    public Reservation withVersion(long storedVersion) {
        return new Reservation(id, patient, examType, site, start, end, status, reason, resources, requestedAt,
                decidedAt, cancelRequestedAt, cancelledAt, correlationId, storedVersion, replaces, movedTo, offer);
    }
}
