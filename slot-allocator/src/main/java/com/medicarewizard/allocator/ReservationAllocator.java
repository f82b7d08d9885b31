package com.medicarewizard.allocator;

import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Reservations.DecisionLease;
import com.medicarewizard.port.SlotLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The allocator's use case: decides a PENDING request, or cancels a reservation, as the queue
 * delivers the commands. A request is confirmed only on free resources and within the patient's
 * {@link ActiveBookingsLimit}. Every effect is conditional (cells claim-if-absent, the reservation
 * updated on its stored version), so a command delivered twice, replayed from the dead-letter
 * queue, or raced by a second consumer has the effect of one. Cells are claimed in the request's
 * name, so two consumers claiming for the same request at once could release each other's claims:
 * before it claims, an attempt takes the request's decision lease ({@link Reservations#leaseDecision}),
 * and a consumer that finds another's lease live leaves the command for the queue to deliver again
 * ({@link AllocationOutcome.Kind#BEING_DECIDED}). A command changes only what its
 * patient asked for: DECIDE only a PENDING request that exists, CANCEL only a reservation whose
 * patient's cancel request is recorded on it ({@link Reservations#recordCancelRequest}); anything
 * else arriving on the queue (a replay, or a command forged by whoever could write to it) changes nothing.
 *
 * <p>A move is a PENDING request that replaces a CONFIRMED reservation of the same patient and exam
 * (recorded by the intake, so a DECIDE can name only a move a patient asked for). It is decided like any
 * request, on cells it claims or takes over from the replaced reservation ({@link ResourceClaims}); when
 * confirmed, it and the replaced reservation, CANCELLED, are stored in one write
 * ({@link Reservations#storeMove}), and only then are the replaced one's remaining cells released. When
 * rejected — its time taken, or the replaced reservation no longer movable ({@link RejectionReason#NOT_MOVABLE})
 * — the replaced one keeps every cell it had.
 */
public final class ReservationAllocator {
    private static final int ATTEMPTS = 3;
    private final Reservations reservations;
    private final CenterCatalog catalog;
    private final ResourceClaims claims;
    private final ActiveBookingsLimit limit;
    private final Clock clock;
    private final Duration leaseLength;

    /**
     * @param invocationTimeout the allocator function's timeout: no invocation outlives it, so a decision
     *                          lease of twice as long ends only when its holder is gone. The second
     *                          timeout covers the clocks of two hosts and a write still in flight when an
     *                          invocation was stopped; and the lease stays shorter than the queue's
     *                          visibility timeout (six times the function's), so a command that comes back
     *                          after a failed attempt finds the lease ended.
     */
    public ReservationAllocator(Reservations reservations, SlotLedger ledger, CenterCatalog catalog,
                                ActiveBookingsLimit limit, Clock clock, Duration invocationTimeout) {
        if (!invocationTimeout.isPositive()) {
            throw new IllegalArgumentException("the invocation timeout must be positive: " + invocationTimeout);
        }
        this.reservations = reservations;
        this.catalog = catalog;
        this.claims = new ResourceClaims(ledger);
        this.limit = limit;
        this.clock = clock;
        this.leaseLength = invocationTimeout.multipliedBy(2);
    }

    public AllocationOutcome handle(ReservationCommand command) {
        // one holder per delivery, kept across its retries below: a retry renews its own lease
        String attempt = UUID.randomUUID().toString();
        for (int retry = 1; ; retry++) {
            Optional<Reservation> found = reservations.find(command.reservation());
            if (found.isEmpty()) {
                return AllocationOutcome.unknown();
            }
            try {
                return switch (command.type()) {
                    case DECIDE -> decide(found.get(), attempt);
                    case CANCEL -> cancel(found.get());
                };
            } catch (Reservations.ConcurrentChangeException e) {
                if (retry == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private AllocationOutcome decide(Reservation request, String attempt) {
        if (request.status() != ReservationStatus.PENDING) {
            settleMove(request);
            return AllocationOutcome.alreadyHandled(request.status());
        }
        Instant now = clock.instant();
        if (request.cancelRequestedAt().isPresent()) {
            return cancelPending(request, now);
        }
        Center center = catalog.current();
        Optional<ExamType> exam = center.examType(request.examType());
        Optional<Site> site = center.site(request.site());
        Optional<Reservation> replaced = request.replaces().flatMap(r -> reservations.find(r.reservation()));
        BookingRules rules = BookingRules.of(center);
        Optional<RejectionReason> refused = refusal(rules, exam, site, request, replaced, now);
        if (refused.isPresent()) {
            return reject(request, refused.get(), attempt, now);
        }
        if (!reservations.leaseDecision(request.id(), new DecisionLease(attempt, now.plus(leaseLength)), now)) {
            return notLeased(request.id());
        }
        Occupancy occupancy = Occupancy.of(exam.get(), request.start());
        Optional<Replacing> replacing = replaced.map(r -> Replacing.of(r, occupancyOf(r)));
        Decision decision = claims.claim(rules, request.id(), exam.get(), site.get(), occupancy, replacing);
        try {
            if (decision instanceof Decision.Confirmed && replaced.isPresent()) {
                return storeMove(request.decide(decision, now), replaced.get().moveTo(request.id(), now),
                        replacing.get());
            }
            return store(request.decide(decision, now));
        } catch (Reservations.ConcurrentChangeException e) {
            if (decision instanceof Decision.Confirmed confirmed) {
                Optional<Reservation> stored = e.id().equals(request.id()) ? e.current() : reservations.find(request.id());
                claims.release(request.id(), notHeldBy(stored, confirmed), occupancy, stillConfirmed(replacing));
            }
            throw e;
        }
    }

    /**
     * Why the request can never be confirmed, judged before any cell is claimed: the exam or site gone,
     * a booking rule broken, a move whose reservation is no longer there to move, or the patient's limit.
     */
    private Optional<RejectionReason> refusal(BookingRules rules, Optional<ExamType> exam, Optional<Site> site,
                                              Reservation request, Optional<Reservation> replaced, Instant now) {
        if (exam.isEmpty() || site.isEmpty()) {
            return Optional.of(RejectionReason.NOT_OFFERED);
        }
        Optional<RejectionReason> never = ruleBroken(rules, exam.get(), site.get(), request, now);
        if (never.isPresent()) {
            return never;
        }
        if (request.isMove() && !replaced.filter(r -> r.isMovableBy(request.patient(), request.examType(), now)).isPresent()) {
            return Optional.of(RejectionReason.NOT_MOVABLE);
        }
        // Two consumers deciding two requests of one patient at once may both count the same bookings,
        // so the limit can be passed by one per extra consumer: a bound against abuse, not a safety rule.
        if (!limit.allowsConfirming(request, reservations.ofPatientStartingAfter(request.patient(), now))) {
            return Optional.of(RejectionReason.TOO_MANY_BOOKINGS);
        }
        return Optional.empty();
    }

    /**
     * Stores the rejection. An earlier attempt at a move may have taken over cells of the replaced
     * reservation and stopped (a timeout, a crash) before it could hand them back: under the lease, those
     * go back to the replaced booking first, so that a rejected move never leaves it short of its time.
     */
    private AllocationOutcome reject(Reservation request, RejectionReason reason, String attempt, Instant now) {
        if (request.isMove()) {
            if (!reservations.leaseDecision(request.id(), new DecisionLease(attempt, now.plus(leaseLength)), now)) {
                return notLeased(request.id());
            }
            letGoOfLeftovers(request);
        }
        return store(request.decide(new Decision.Rejected(reason), now));
    }

    /**
     * The move's two writes as one ({@link Reservations#storeMove}), then the replaced reservation's cells
     * that the new time does not use are released. A crash between the two leaves them held by a
     * CANCELLED reservation until the command, not yet acknowledged, comes again and ends the move.
     */
    private AllocationOutcome storeMove(Reservation confirmed, Reservation moved, Replacing replacing) {
        Reservations.Moved stored = reservations.storeMove(confirmed, moved);
        claims.ledger().release(replacing.reservation(), replacing.allCells());
        return AllocationOutcome.changed(stored.confirmed().status());
    }

    /**
     * Ends what an attempt on a decided move may have left undone when it stopped (a crash, a ledger
     * timeout) after its decision was stored: the replaced reservation's remaining cells released once the
     * move was confirmed, or the cells the move held handed back once it was rejected or withdrawn. Its
     * command comes again until acknowledged, and so does the patient's CANCEL of the move; both end here.
     * Every step reads or is conditional, so a replay does nothing more. Nothing for an ordinary request.
     */
    private void settleMove(Reservation move) {
        if (!move.isMove() || move.status() == ReservationStatus.PENDING) {
            return;
        }
        releaseReplaced(move);
        if (move.status() != ReservationStatus.CONFIRMED) {
            letGoOfLeftovers(move);
        }
    }

    /** What is left of a stored move's replaced reservation is released (release-if-owner: the new time's cells stay). */
    private void releaseReplaced(Reservation move) {
        move.replaces().flatMap(r -> reservations.find(r.reservation()))
                .filter(replaced -> replaced.movedTo().filter(move.id()::equals).isPresent())
                .ifPresent(replaced -> claims.ledger().release(replaced.id(),
                        Replacing.of(replaced, occupancyOf(replaced)).allCells()));
    }

    /** The replaced reservation, if a move's undo may still hand cells back to it: it is still CONFIRMED. */
    private Optional<Replacing> stillConfirmed(Optional<Replacing> replacing) {
        return replacing.filter(r -> reservations.find(r.reservation())
                .filter(now -> now.status() == ReservationStatus.CONFIRMED).isPresent());
    }

    /** The lease was refused: another attempt is deciding the request, or one has decided it meanwhile. */
    private AllocationOutcome notLeased(ReservationId id) {
        return reservations.find(id).map(now -> now.status() == ReservationStatus.PENDING
                ? AllocationOutcome.beingDecided() : AllocationOutcome.alreadyHandled(now.status()))
                .orElseGet(AllocationOutcome::unknown);
    }

    /** The rules are judged as of the request (the patient asked in time), but the start must still be ahead. */
    private static Optional<RejectionReason> ruleBroken(BookingRules rules, ExamType exam, Site site,
                                                        Reservation request, Instant now) {
        if (!request.start().isAfter(now)) {
            return Optional.of(RejectionReason.TOO_SOON);
        }
        return rules.check(exam, site, request.start(), request.requestedAt());
    }

    /**
     * The resources of {@code confirmed} that what is stored now does not hold. The cells are claimed
     * in the request's name, so a decision a racing consumer stored meanwhile may hold some of the same
     * cells (e.g. the radiographer, with another scanner): those must stay claimed.
     */
    private static List<ResourceId> notHeldBy(Optional<Reservation> current, Decision.Confirmed confirmed) {
        List<ResourceId> held = current.filter(r -> r.status() == ReservationStatus.CONFIRMED)
                .map(Reservation::resources).orElse(List.of());
        return confirmed.resources().stream().filter(resource -> !held.contains(resource)).toList();
    }

    private AllocationOutcome cancel(Reservation reservation) {
        if (!reservation.isCancellable()) {
            settleMove(reservation);
            return AllocationOutcome.alreadyHandled(reservation.status());
        }
        if (reservation.cancelRequestedAt().isEmpty()) {
            return AllocationOutcome.notRequested(reservation.status());
        }
        if (reservation.status() == ReservationStatus.PENDING) {
            return cancelPending(reservation, clock.instant());
        }
        // a confirmed move cancelled before its redelivery ended it: what the replaced one left goes first
        releaseReplaced(reservation);
        claims.release(reservation.id(), reservation.resources(), occupancyOf(reservation), Optional.empty());
        return store(reservation.cancel(clock.instant()));
    }

    /**
     * A PENDING request holds no time, unless an earlier attempt claimed some and then failed (a
     * timeout mid-claim, a failed store): those cells are let go too, after the cancellation is
     * stored, so that no attempt still under way can confirm the request on cells already released.
     */
    private AllocationOutcome cancelPending(Reservation request, Instant now) {
        AllocationOutcome outcome = store(request.cancel(now));
        letGoOfLeftovers(request);
        return outcome;
    }

    /**
     * Lets go of the cells a request still holds from an attempt that stopped half-way: released, or for
     * a move whose replaced reservation is still CONFIRMED, the replaced one's handed back to it.
     */
    private void letGoOfLeftovers(Reservation request) {
        Center center = catalog.current();
        List<ResourceId> candidates = center.examType(request.examType())
                .map(exam -> BookingRules.kindsInOrder(exam).stream()
                        .flatMap(kind -> center.candidates(exam, request.site(), kind).stream()))
                .orElseGet(() -> center.resources().stream().filter(r -> r.site().equals(request.site())))
                .map(Resource::id).toList();
        Optional<Replacing> replacing = request.replaces().flatMap(r -> reservations.find(r.reservation()))
                .filter(replaced -> replaced.status() == ReservationStatus.CONFIRMED)
                .map(replaced -> Replacing.of(replaced, occupancyOf(replaced)));
        claims.releaseLeftovers(request.id(), candidates, occupancyOf(request), replacing);
    }

    /** With its exam type gone from the catalog, the widest buffers a day allows are released instead. */
    private Occupancy occupancyOf(Reservation reservation) {
        return catalog.current().examType(reservation.examType())
                .map(exam -> Occupancy.of(exam, reservation.start()))
                .orElseGet(() -> new Occupancy(reservation.start().minus(Duration.ofHours(2)),
                        reservation.end().plus(Duration.ofHours(2))));
    }

    private AllocationOutcome store(Reservation next) {
        return AllocationOutcome.changed(reservations.update(next).status());
    }
}
