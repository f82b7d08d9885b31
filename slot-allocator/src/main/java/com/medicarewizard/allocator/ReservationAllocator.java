package com.medicarewizard.allocator;

import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.Stranding;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Reservations.DecisionLease;
import com.medicarewizard.port.SlotLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The allocator's use case: decides a PENDING request, or cancels a reservation, as the queue
 * delivers the commands. A request is confirmed only on free resources and within the patient's
 * {@link ActiveBookingsLimit}. Every effect is conditional (cells claim-if-absent, the reservation
 * updated on its stored version), so a command delivered twice, replayed from the dead-letter
 * queue, or raced by a second consumer has the effect of one.
 *
 * <p>A request is decided in one write where it can be ({@link Decisions}: its cells' claims and its
 * confirmation in one transaction, after one read of its candidates' holders), so nothing is ever held
 * in its name unless it is stored CONFIRMED with it (docs/adr/0015). A move, or an exam needing more
 * cells than a transaction takes, is decided cell by cell: cells are then claimed in the request's
 * name before it is stored, so two consumers claiming for the same request at once could release each
 * other's claims, and before it claims, an attempt takes the request's decision lease
 * ({@link Reservations#leaseDecision}); a consumer that finds another's lease live leaves the command
 * for the queue to deliver again ({@link AllocationOutcome.Kind#BEING_DECIDED}). A request that carries
 * a lease is never written in one write (the write's condition), so the two ways never mix. A command changes only what its
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
    /**
     * Where a decision's reads that need not wait for each other are made at once: each is a round trip
     * to the table. Daemon threads, kept a minute between bursts.
     */
    private static final ExecutorService READS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("allocator-read-", 0).factory());
    private final Reservations reservations;
    private final CenterCatalog catalog;
    private final ResourceClaims claims;
    private final Decisions decisions;
    private final int transactionCells;
    private final ActiveBookingsLimit limit;
    private final Clock clock;
    private final Duration leaseLength;
    /** Where a decision's reads that need not wait for each other are made: {@link #READS}, or the caller's thread. */
    private final Executor reads;

    /**
     * @param invocationTimeout the allocator function's timeout: no invocation outlives it, so a decision
     *                          lease of twice as long ends only when its holder is gone. The second
     *                          timeout covers the clocks of two hosts and a write still in flight when an
     *                          invocation was stopped; and the lease stays shorter than the queue's
     *                          visibility timeout (six times the function's), so a command that comes back
     *                          after a failed attempt finds the lease ended.
     */
    public ReservationAllocator(Reservations reservations, SlotLedger ledger, Decisions decisions, CenterCatalog catalog,
                                ActiveBookingsLimit limit, Clock clock, Duration invocationTimeout) {
        this(reservations, ledger, decisions, catalog, limit, clock, invocationTimeout, Decisions.MAX_CELLS);
    }

    /**
     * @param transactionCells the most cells a request may need to be decided in one write
     *                         ({@link Decisions}, at most {@value Decisions#MAX_CELLS}); requests needing
     *                         more, and moves, are decided cell by cell under a lease. 0 decides every
     *                         request cell by cell: tests keep that path's crash-safety in view with it.
     */
    public ReservationAllocator(Reservations reservations, SlotLedger ledger, Decisions decisions, CenterCatalog catalog,
                                ActiveBookingsLimit limit, Clock clock, Duration invocationTimeout, int transactionCells) {
        this(reservations, ledger, decisions, catalog, limit, clock, invocationTimeout, transactionCells, false);
    }

    /**
     * @param readsAtOnce whether a decision's reads that need not wait for each other are made at once, on
     *                    threads of their own: for a table a round trip away (DynamoDB), where they then
     *                    cost one round trip instead of two; not for a table in the process, where a read
     *                    costs microseconds and a hand-over to another thread more
     */
    public ReservationAllocator(Reservations reservations, SlotLedger ledger, Decisions decisions, CenterCatalog catalog,
                                ActiveBookingsLimit limit, Clock clock, Duration invocationTimeout, int transactionCells,
                                boolean readsAtOnce) {
        if (!invocationTimeout.isPositive()) {
            throw new IllegalArgumentException("the invocation timeout must be positive: " + invocationTimeout);
        }
        if (transactionCells < 0 || transactionCells > Decisions.MAX_CELLS) {
            throw new IllegalArgumentException("a transaction takes 0 to " + Decisions.MAX_CELLS + " cells, not "
                    + transactionCells);
        }
        this.reservations = reservations;
        this.catalog = catalog;
        this.claims = new ResourceClaims(ledger);
        this.decisions = decisions;
        this.transactionCells = transactionCells;
        this.limit = limit;
        this.clock = clock;
        this.leaseLength = invocationTimeout.multipliedBy(2);
        this.reads = readsAtOnce ? READS : Runnable::run;
    }

    public AllocationOutcome handle(ReservationCommand command) {
        return handle(command, read(command));
    }

    /** The reservation a command names, as stored now: what {@link #handle(ReservationCommand, Optional)} starts from. */
    public Optional<Reservation> read(ReservationCommand command) {
        return reservations.find(command.reservation());
    }

    /**
     * The reservations the commands name, as stored now, in one read ({@link Reservations#findAll}): what
     * a batch's commands start from (a queue's batch names ten at most). A reservation named twice is read
     * once.
     */
    public Map<ReservationId, Optional<Reservation>> readAll(List<ReservationCommand> commands) {
        List<ReservationId> ids = commands.stream().map(ReservationCommand::reservation).distinct().toList();
        List<Optional<Reservation>> found = reservations.findAll(ids);
        Map<ReservationId, Optional<Reservation>> read = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            read.put(ids.get(i), found.get(i));
        }
        return read;
    }

    /** What handling a command on {@code read} may share with another command's handling ({@link Touches}). */
    Set<String> touches(Optional<Reservation> read) {
        return Touches.of(read, catalog.current());
    }

    /**
     * Handles the command starting from {@code read}, its reservation as {@link #read} answered it a
     * moment ago (a batch reads all its reservations at once); a retry after a concurrent change reads
     * it again.
     */
    public AllocationOutcome handle(ReservationCommand command, Optional<Reservation> read) {
        // one holder per delivery, kept across its retries below: a retry renews its own lease
        String attempt = UUID.randomUUID().toString();
        for (int retry = 1; ; retry++) {
            Optional<Reservation> found = retry == 1 ? read : reservations.find(command.reservation());
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
        if (request.status() == ReservationStatus.HELD) {
            return settleOffer(request);
        }
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
        Occupancy occupancy = Occupancy.of(exam.get(), request.start());
        Supplier<Boolean> withinLimit = () -> withinLimit(request, now);
        if (replaced.isEmpty() && cellsNeeded(exam.get(), occupancy) <= transactionCells) {
            // the patient's bookings are read while the first candidates' holders are: neither waits for the other
            CompletableFuture<Boolean> counted = CompletableFuture.supplyAsync(withinLimit, reads);
            withinLimit = () -> joined(counted);
            Optional<AllocationOutcome> decided = decideInOneWrite(rules, request, exam.get(), site.get(), occupancy,
                    now, withinLimit);
            if (decided.isPresent()) {
                return decided.get();
            }
            // the request carries a decision lease: an attempt began cell by cell, and it is ended that way
        }
        if (!withinLimit.get()) {
            return reject(request, RejectionReason.TOO_MANY_BOOKINGS, attempt, now);
        }
        if (!reservations.leaseDecision(request.id(), new DecisionLease(attempt, now.plus(leaseLength)), now)) {
            return notLeased(request.id());
        }
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
     * Decides the request in one write ({@link Decisions}): the first open candidate of each kind, in the
     * center's order as cell by cell, whose cells are all free over the occupancy, judged on reads of the
     * candidates' holders made only as far as needed ({@link #toRead}); its claims and the confirmation
     * go in one transaction. Cells a racing
     * writer took meanwhile are named by the refusal, and the choice is made again without them. With no
     * free candidate of some kind, the request is rejected without any claim. No lease is needed: nothing
     * is ever held in the request's name unless the request is stored CONFIRMED with it.
     *
     * @return empty when the request carries a decision lease, so that it must be decided cell by cell
     */
    private Optional<AllocationOutcome> decideInOneWrite(BookingRules rules, Reservation request, ExamType exam,
                                                         Site site, Occupancy occupancy, Instant now,
                                                         Supplier<Boolean> withinLimit) {
        List<List<Resource>> candidates = BookingRules.kindsInOrder(exam).stream()
                .map(kind -> rules.openCandidates(exam, site, kind, occupancy)).toList();
        Set<ResourceId> read = new HashSet<>();
        Set<Cell> taken = new HashSet<>();
        boolean limitJudged = false;
        while (true) {
            List<ResourceId> unread = toRead(candidates, occupancy, taken, read);
            if (!unread.isEmpty()) {
                claims.ledger().holders(unread, occupancy.from(), occupancy.to()).forEach((cell, holder) -> {
                    if (!holder.equals(request.id())) {
                        taken.add(cell);
                    }
                });
                read.addAll(unread);
            }
            if (!limitJudged) {
                // the limit goes before a full day, as it did when it was judged before any read
                if (!withinLimit.get()) {
                    return rejectInOneWrite(request, RejectionReason.TOO_MANY_BOOKINGS, now);
                }
                limitJudged = true;
            }
            if (!unread.isEmpty()) {
                continue;
            }
            Optional<List<ResourceId>> choice = firstFree(candidates, occupancy, taken);
            if (choice.isEmpty()) {
                return rejectInOneWrite(request, RejectionReason.SLOT_TAKEN, now);
            }
            List<Cell> cells = choice.get().stream().flatMap(resource -> occupancy.cells(resource).stream()).toList();
            switch (decisions.confirm(request.decide(new Decision.Confirmed(choice.get()), now), cells)) {
                case Decisions.Stored stored -> {
                    return Optional.of(AllocationOutcome.changed(stored.reservation().status()));
                }
                case Decisions.Leased leased -> {
                    return Optional.empty();
                }
                case Decisions.Taken refused -> {
                    if (!taken.addAll(refused.cells())) {
                        throw new IllegalStateException("cells refused as taken were known taken: " + refused.cells());
                    }
                }
            }
        }
    }

    /**
     * Stores the rejection unless the request carries a decision lease ({@link Decisions#reject}): an
     * attempt that claimed cell by cell may have left cells in its name, which only that path lets go of.
     *
     * @return empty when the request carries a lease, so that it is decided cell by cell
     */
    private Optional<AllocationOutcome> rejectInOneWrite(Reservation request, RejectionReason reason, Instant now) {
        return decisions.reject(request.decide(new Decision.Rejected(reason), now))
                .map(stored -> AllocationOutcome.changed(stored.status()));
    }

    /**
     * The candidates whose holders must be read before a choice can be made, read in one go: for each
     * kind with no free candidate known, its next candidates in the center's order, as many as were read
     * of the kind already (at least one). The first read is usually enough (an exam of two kinds: two
     * queries), and a filling day costs a few more rounds, each doubling, rather than a read of every
     * candidate of the site: each read is a call, and a consumer's calls are what it is made of.
     * Empty when every kind has a free candidate known or none left to read.
     */
    private static List<ResourceId> toRead(List<List<Resource>> candidates, Occupancy occupancy, Set<Cell> taken,
                                           Set<ResourceId> read) {
        List<ResourceId> unread = new ArrayList<>();
        for (List<Resource> ofKind : candidates) {
            List<ResourceId> ids = ofKind.stream().map(Resource::id).toList();
            long readOfKind = ids.stream().filter(read::contains).count();
            boolean freeKnown = ids.stream().filter(read::contains)
                    .anyMatch(id -> occupancy.cells(id).stream().noneMatch(taken::contains));
            if (!freeKnown) {
                ids.stream().filter(id -> !read.contains(id) && !unread.contains(id)).limit(Math.max(1, readOfKind))
                        .forEach(unread::add);
            }
        }
        return unread;
    }

    /** Per kind, the first candidate not chosen yet with none of its cells taken; empty when a kind has none. */
    private static Optional<List<ResourceId>> firstFree(List<List<Resource>> candidates, Occupancy occupancy,
                                                        Set<Cell> taken) {
        List<ResourceId> chosen = new ArrayList<>();
        for (List<Resource> ofKind : candidates) {
            Optional<ResourceId> free = ofKind.stream().map(Resource::id).filter(id -> !chosen.contains(id))
                    .filter(id -> occupancy.cells(id).stream().noneMatch(taken::contains)).findFirst();
            if (free.isEmpty()) {
                return Optional.empty();
            }
            chosen.add(free.get());
        }
        return Optional.of(chosen);
    }

    /** The cells a confirmation claims: one resource of every kind the exam needs, over its occupancy. */
    private static int cellsNeeded(ExamType exam, Occupancy occupancy) {
        return BookingRules.kindsInOrder(exam).size() * occupancy.cellCount();
    }

    /**
     * Why the request can never be confirmed, judged before any cell is claimed: the exam or site gone,
     * a booking rule broken, or a move whose reservation is no longer there to move. (The patient's limit
     * is judged next: {@link #withinLimit}.)
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
        return Optional.empty();
    }

    /**
     * Whether the patient's limit of active bookings lets the request be confirmed: a bound against abuse,
     * not a safety rule. Two consumers deciding two requests of one patient at once may both count the
     * same bookings, and in DynamoDB the patient's bookings are read from an eventually consistent index,
     * so a request decided a moment after another of the same patient may not count it yet: within one
     * consumer a batch's requests of one patient are decided one after another ({@link Touches}), but the
     * limit can still be passed by a booking or two in a burst.
     */
    private boolean withinLimit(Reservation request, Instant now) {
        return limit.allowsConfirming(request, reservations.ofPatientStartingAfter(request.patient(), now));
    }

    /** What an asynchronous read answered, or the failure it met, as if it had been made here. */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Stores the rejection. An earlier attempt at a move may have taken over cells of the replaced
     * reservation and stopped (a timeout, a crash) before it could hand them back: under the lease, those
     * go back to the replaced booking first, so that a rejected move never leaves it short of its time.
     */
    private AllocationOutcome reject(Reservation request, RejectionReason reason, String attempt, Instant now) {
        if (!request.isMove()) {
            // one write unless an earlier cell-by-cell attempt leased the request: it may hold cells
            Optional<AllocationOutcome> stored = rejectInOneWrite(request, reason, now);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        if (!reservations.leaseDecision(request.id(), new DecisionLease(attempt, now.plus(leaseLength)), now)) {
            return notLeased(request.id());
        }
        letGoOfLeftovers(request);
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
     * Every step reads or is conditional, so a replay does nothing more.
     *
     * <p>For an ordinary request, one thing only: a PENDING request cancelled is stored CANCELLED before
     * what an earlier attempt left in its name is let go ({@link #cancelPending}), and an attempt stopped
     * between the two is ended when its command comes again.
     */
    private void settleMove(Reservation move) {
        if (move.status() == ReservationStatus.PENDING) {
            return;
        }
        if (!move.isMove()) {
            if (move.status() == ReservationStatus.CANCELLED && move.resources().isEmpty()) {
                letGoOfLeftovers(move);
            }
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
        // a HELD offer holds its cells as a booking does
        List<ResourceId> held = current.filter(r -> r.status() == ReservationStatus.CONFIRMED
                        || r.status() == ReservationStatus.HELD)
                .map(Reservation::resources).orElse(List.of());
        return confirmed.resources().stream().filter(resource -> !held.contains(resource)).toList();
    }

    /**
     * A HELD offer the patient accepted in time is CONFIRMED on the cells it holds. If a change of the
     * center meanwhile left it no time to hold it ({@link Stranding}: the administrator's scan sees bookings,
     * not offers), it is then cancelled by the center at once, as a booking stranded would be. An offer not
     * accepted, or declined or lapsed (its CANCEL releases it), is left as it is.
     */
    private AllocationOutcome settleOffer(Reservation held) {
        if (!held.isAccepted() || held.cancelRequestedAt().isPresent()) {
            return AllocationOutcome.alreadyHandled(held.status());
        }
        Reservation confirmed = reservations.update(held.confirmAccepted());
        if (new Stranding(catalog.current()).strands(confirmed, clock.instant())
                && cancelIfStranded(confirmed.id(), confirmed.correlationId())) {
            return AllocationOutcome.changed(ReservationStatus.CANCELLED);
        }
        return AllocationOutcome.changed(confirmed.status());
    }

    /**
     * After a batch decided on a version of the center that a newer one replaced meanwhile: if the
     * reservation is booked and the current center can no longer hold it ({@link Stranding}), the center's
     * cancellation is recorded on it (reason CENTER_CLOSED) and carried out at once, as a CANCEL command
     * would be. The change's own scan (the administrator's) finds the bookings stored before it; this finds
     * those decided on the older version and stored after that scan.
     *
     * @return true when it was cancelled
     */
    public boolean cancelIfStranded(ReservationId id, String correlationId) {
        Instant now = clock.instant();
        Optional<Reservation> found = reservations.find(id);
        if (found.isEmpty() || !new Stranding(catalog.current()).strands(found.get(), now)) {
            return false;
        }
        Optional<Reservation> recorded = reservations.recordCenterCancellation(id, now);
        if (recorded.isEmpty() || recorded.get().reason().filter(RejectionReason.CENTER_CLOSED::equals).isEmpty()) {
            return false;
        }
        handle(new ReservationCommand(ReservationCommand.Type.CANCEL, id, correlationId), recorded);
        return true;
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
        return Occupancy.of(catalog.current().examType(reservation.examType()), reservation.start(), reservation.end());
    }

    private AllocationOutcome store(Reservation next) {
        return AllocationOutcome.changed(reservations.update(next).status());
    }
}
