package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable record of reservation requests and their outcomes: the source of truth for every
 * request the intake accepted. Changes are conditional on the stored version, never blind.
 */
public interface Reservations {

    /**
     * Stores a new PENDING request, once. With an idempotency key, a second request from the same
     * patient with the same key creates nothing and answers the reservation the first one created.
     */
    Created create(Reservation pending, Optional<String> idempotencyKey);

    /** What {@link #create} did: {@code isNew} is false when the idempotency key was seen before. */
    record Created(Reservation reservation, boolean isNew) {
    }

    Optional<Reservation> find(ReservationId id);

    /**
     * The reservations with these ids (distinct, at most {@value #MAX_FIND_ALL}), in the order asked, each
     * as {@link #find} answers it: in one read where the store can make one (a batch of the queue names ten
     * reservations; DynamoDB reads them in one BatchGetItem, a get each being a round trip each).
     */
    default List<Optional<Reservation>> findAll(List<ReservationId> ids) {
        if (ids.size() > MAX_FIND_ALL || java.util.Set.copyOf(ids).size() != ids.size()) {
            throw new IllegalArgumentException("at most " + MAX_FIND_ALL + " distinct ids: " + ids);
        }
        return ids.stream().map(this::find).toList();
    }

    /** The most reservations {@link #findAll} reads at once: BatchGetItem's limit. */
    int MAX_FIND_ALL = 100;

    /** The patient's reservations, newest start first. */
    List<Reservation> ofPatient(PatientId patient);

    /**
     * The patient's reservations that start later than {@code after}, newest start first: what
     * {@link com.medicarewizard.domain.reservation.ActiveBookingsLimit} counts. Adapters read only those.
     */
    default List<Reservation> ofPatientStartingAfter(PatientId patient, Instant after) {
        return ofPatient(patient).stream().filter(r -> r.start().isAfter(after)).toList();
    }

    /**
     * Replaces the stored reservation with {@code next} if the stored one still has
     * {@code next.version()}; returns what was stored (its version one higher).
     *
     * @throws ConcurrentChangeException when it changed meanwhile (or does not exist)
     */
    Reservation update(Reservation next);

    /**
     * Stores a move all or nothing: {@code confirmed}, the move request decided CONFIRMED, and
     * {@code moved}, the reservation it replaces, CANCELLED and naming it ({@link Reservation#moveTo});
     * each only if its stored version is still the one it carries. Returns both as stored.
     *
     * @throws ConcurrentChangeException naming the first of the two that changed meanwhile (or does not
     *     exist), with what is stored of it now; then neither was written
     */
    Moved storeMove(Reservation confirmed, Reservation moved);

    /** Both sides of a stored move, each with its version one higher. */
    record Moved(Reservation confirmed, Reservation moved) {
    }

    /**
     * Records that {@code patient} asked to cancel reservation {@code id} at {@code at}, in one
     * conditional write: only on the patient's own reservation, only while it is PENDING or
     * CONFIRMED, and only once (a second request keeps the first one's time). The allocator cancels
     * nothing without this record, so the intake records it before it queues the CANCEL command.
     *
     * @return the reservation as stored afterwards (unchanged when it was not cancellable or the
     *     request was already recorded); empty when no reservation {@code id} belongs to {@code patient}
     */
    Optional<Reservation> recordCancelRequest(ReservationId id, PatientId patient, Instant at);

    /** Requests still PENDING that were accepted before {@code before}, oldest first. */
    /**
     * Records that the center cancels reservation {@code id} at {@code at}, with reason
     * {@link com.medicarewizard.domain.reservation.RejectionReason#CENTER_CLOSED}
     * ({@link Reservation#requestCenterCancellation}), in one conditional write: only while it is CONFIRMED and
     * nobody asked to cancel it. As with a patient's request, the allocator then releases its time.
     *
     * @return the reservation as stored afterwards (unchanged when it was not such a reservation), empty when
     *     there is none
     */
    Optional<Reservation> recordCenterCancellation(ReservationId id, Instant at);

    List<Reservation> pendingSince(Instant before, int limit);

    /**
     * Requests still PENDING that were accepted before {@code before}, oldest first, each with when
     * it last went to the queue and how often the sweeper sent it again: what the sweeper needs to
     * space its re-sends.
     */
    List<Waiting> waitingSince(Instant before, int limit);

    /**
     * Records that the sweeper sent the PENDING request {@code id} to the queue again at {@code at}:
     * its last queueing becomes {@code at} and its re-sends one more, in one conditional write that
     * leaves the reservation's version alone (this is the sweeper's bookkeeping, not a change of the
     * reservation; a decision written meanwhile wins and drops it).
     *
     * @return false when the request is no longer PENDING (or does not exist): nothing was written
     */
    boolean recordResent(ReservationId id, Instant at);

    /**
     * A PENDING request as the sweeper sees it.
     *
     * @param reservation  the request
     * @param lastQueuedAt when it last went to the queue: its acceptance, or the sweeper's last re-send
     * @param resends      how often the sweeper sent it again
     */
    record Waiting(Reservation reservation, Instant lastQueuedAt, int resends) {
        public Waiting {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(lastQueuedAt, "last queued at");
            if (resends < 0) {
                throw new IllegalArgumentException("re-sends cannot be negative");
            }
        }
    }

    /**
     * Takes the lease to decide the PENDING request {@code id}: the allocator holds it while it claims
     * cells in the request's name, so that two consumers of the queue never claim and release the
     * same request's cells at once (docs/adr/0001). One conditional write that leaves the reservation's
     * version alone (like {@link #recordResent}: bookkeeping, not a change of the reservation); the
     * decision's {@link #update} replaces the record and drops the lease.
     *
     * <p>The lease is taken when the request has none, renewed when it is already
     * {@code lease.holder()}'s, and taken over when the one it has ended at or before {@code now}
     * (its holder's invocation is over: a Lambda cannot outlive its timeout, which the lease outlasts).
     *
     * @return false when another holder's lease is live at {@code now}, or the request is no longer
     *     PENDING (or does not exist): nothing was written
     */
    boolean leaseDecision(ReservationId id, DecisionLease lease, Instant now);

    /**
     * Who is deciding a PENDING request, and until when at most.
     *
     * @param holder one attempt to decide the request (not the consumer: each delivery is its own)
     * @param until  when the lease ends if its holder does not decide first
     */
    record DecisionLease(String holder, Instant until) {
        public DecisionLease {
            Objects.requireNonNull(until, "until");
            if (holder == null || holder.isBlank()) {
                throw new IllegalArgumentException("a lease needs a holder");
            }
        }

        /** Whether the lease still holds at {@code now}: it ends at {@code until}. */
        public boolean liveAt(Instant now) {
            return until.isAfter(now);
        }
    }

    /**
     * Reservations the allocator should have settled before {@code before} ({@link Reservation#settleBy()}):
     * cancellations recorded and not carried out, offers accepted and not confirmed, offers past their hold;
     * most overdue first, at most {@code limit}. The sweeper's backstop for a command that was lost.
     */
    List<Reservation> unsettledSince(Instant before, int limit);

    /** Reservations decided (confirmed or rejected) at or after {@code since}. */
    List<Reservation> decidedSince(Instant since);

    /** The stored reservation changed since it was read; {@code current} is what is there now. */
    final class ConcurrentChangeException extends RuntimeException {
        private final transient Optional<Reservation> current;
        private final ReservationId id;

        public ConcurrentChangeException(ReservationId id, Optional<Reservation> current) {
            super("reservation " + id + " changed concurrently");
            this.id = id;
            this.current = current;
        }

        public Optional<Reservation> current() {
            return current;
        }

        /** The reservation that changed. */
        public ReservationId id() {
            return id;
        }
    }
}
