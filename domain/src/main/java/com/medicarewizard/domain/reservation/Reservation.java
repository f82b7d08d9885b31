package com.medicarewizard.domain.reservation;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.SiteId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's reservation, from request (PENDING) to outcome. It guards its own life cycle:
 * only a PENDING one is decided, only a PENDING or CONFIRMED one is cancelled. {@code version}
 * grows by one with each stored change, so stores can update it with a version condition.
 *
 * <p>A reschedule is a request of its own that {@code replaces} a CONFIRMED reservation of the same
 * patient and exam: the allocator confirms it and cancels the one it replaces together (that one's
 * {@code movedTo} then names it), or rejects it and leaves the replaced one as it was.
 */
public record Reservation(ReservationId id, PatientId patient, ExamTypeCode examType, SiteId site,
                          Instant start, Instant end, ReservationStatus status, Optional<RejectionReason> reason,
                          List<ResourceId> resources, Instant requestedAt, Optional<Instant> decidedAt,
                          Optional<Instant> cancelRequestedAt, Optional<Instant> cancelledAt,
                          String correlationId, long version, Optional<Replaced> replaces,
                          Optional<ReservationId> movedTo) {
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
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a reservation ends after it starts");
        }
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
            case Decision.Confirmed c -> copy(ReservationStatus.CONFIRMED, Optional.empty(), c.resources(),
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
                Optional.of(next));
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
        return status == ReservationStatus.PENDING || status == ReservationStatus.CONFIRMED;
    }

    /**
     * Whether the allocator still has to act on it: PENDING (to be decided), or with a cancellation
     * the patient asked for and the allocator has not carried out yet. What a patient waits for.
     */
    public boolean awaitsAllocator() {
        return status == ReservationStatus.PENDING
                || status == ReservationStatus.CONFIRMED && cancelRequestedAt.isPresent();
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
                cancelRequested, cancelled, correlationId, version, replaces, movedTo);
    }

    /**
     * The same reservation naming no one ({@link PatientId#ERASED}): its patient erased their account,
     * and the center keeps the record of what was booked, where and when.
     */
    public Reservation anonymised() {
        return new Reservation(id, PatientId.ERASED, examType, site, start, end, status, reason, resources, requestedAt,
                decidedAt, cancelRequestedAt, cancelledAt, correlationId, version, replaces, movedTo);
    }

    /** The same reservation as stored with the given version. */
    public Reservation withVersion(long storedVersion) {
        return new Reservation(id, patient, examType, site, start, end, status, reason, resources, requestedAt,
                decidedAt, cancelRequestedAt, cancelledAt, correlationId, storedVersion, replaces, movedTo);
    }
}
