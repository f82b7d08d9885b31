package com.medicarewizard.allocator;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.fakes.InMemoryDecisions;
import com.medicarewizard.port.fakes.InMemoryReservations;
import com.medicarewizard.port.fakes.InMemorySlotLedger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The real {@link ReservationAllocator} over in-memory ports and {@link CenterMother}'s center,
 * with a clock set to {@link #NOW}; requests are made and commands delivered as the intake and the
 * queue would.
 */
final class InMemoryAllocation {
    /** A Monday, a week before {@link #MONDAY}; {@link CenterMother#HOLIDAY} is that Saturday. */
    static final Instant NOW = Instant.parse("2027-12-13T08:00:00Z");
    static final ResourceId MRI_1 = new ResourceId("MRI-1");
    static final ResourceId MRI_2 = new ResourceId("MRI-2");
    static final ResourceId RAD_1 = new ResourceId("RAD-1");
    static final ResourceId ECG_1 = new ResourceId("ECG-1");

    final InMemoryReservations reservations = new InMemoryReservations();
    final InMemorySlotLedger ledger = new InMemorySlotLedger();
    final MutableClock clock = new MutableClock(NOW);
    final AtomicReference<Center> center = new AtomicReference<>(CenterMother.center());
    final ReservationAllocator allocator;
    /** The allocator function's timeout in AWS: its decision leases last twice as long. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A small limit, so that a test reaches it in a few requests. */
    static final ActiveBookingsLimit LIMIT = new ActiveBookingsLimit(3);

    /** Whose confirmations fail when told: they are written in one transaction on this allocation's stores. */
    final FlakyDecisions decisions = new FlakyDecisions(new InMemoryDecisions(reservations, ledger));
    /** The most cells its allocators decide in one write: {@link Decisions#MAX_CELLS}, or 0 for cell by cell. */
    private final int transactionCells;

    /** An allocation deciding as in production: in one write, moves cell by cell. */
    InMemoryAllocation() {
        this(ledger -> ledger, Decisions.MAX_CELLS);
    }

    /**
     * An allocation deciding every request cell by cell under its lease, seeing the ledger as {@code wrap}
     * makes it (e.g. one that fails now and then): the path of moves and of exams too long for one write.
     */
    InMemoryAllocation(UnaryOperator<SlotLedger> wrap) {
        this(wrap, 0);
    }

    /** @param transactionCells the most cells decided in one write (0: every request cell by cell) */
    InMemoryAllocation(UnaryOperator<SlotLedger> wrap, int transactionCells) {
        this.transactionCells = transactionCells;
        allocator = anotherConsumer(wrap);
    }

    /** Another allocator on the same stores, clock and center: another consumer of the same queue. */
    ReservationAllocator anotherConsumer() {
        return anotherConsumer(ledger -> ledger);
    }

    /** Another consumer, seeing the ledger as {@code wrap} makes it. */
    ReservationAllocator anotherConsumer(UnaryOperator<SlotLedger> wrap) {
        return new ReservationAllocator(reservations, wrap.apply(ledger), decisions, center::get, LIMIT, clock, TIMEOUT,
                transactionCells);
    }

    /**
     * The queue hides a command it delivered for its visibility timeout (six times the function's): a
     * command whose attempt failed comes back only after it, when that attempt's decision lease has ended.
     */
    void visibilityTimeoutPasses() {
        clock.advance(TIMEOUT.multipliedBy(6));
    }

    /** The instant of a wall-clock time at the site, e.g. {@code "2027-12-20T10:00"}. */
    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(CenterMother.ROME).toInstant();
    }

    /** A PENDING request for the exam at the start, accepted now and stored as the intake stores it. */
    Reservation request(ExamTypeCode exam, Instant start) {
        return request(exam, start, PatientId.random());
    }

    /** A PENDING request of {@code patient}. */
    Reservation request(ExamTypeCode exam, Instant start, PatientId patient) {
        ExamType type = CenterMother.center().examType(exam).orElseThrow();
        Reservation pending = Reservation.request(ReservationId.random(), patient, exam,
                CenterMother.NORD, start, start.plus(type.duration()), clock.instant(), "corr-" + ReservationId.random());
        reservations.create(pending, Optional.empty());
        return pending;
    }

    /** A PENDING request of {@code booked}'s patient to move it to {@code start}, stored as the intake stores it. */
    Reservation move(Reservation booked, Instant start) {
        ExamType type = CenterMother.center().examType(booked.examType()).orElseThrow();
        Reservation request = Reservation.moveRequest(ReservationId.random(), stored(booked), CenterMother.NORD, start,
                start.plus(type.duration()), clock.instant(), "corr-" + ReservationId.random());
        reservations.create(request, Optional.empty());
        return request;
    }

    AllocationOutcome decide(Reservation reservation) {
        return deliver(ReservationCommand.Type.DECIDE, reservation.id());
    }

    /** The patient asks to cancel (the intake marks the request), then the queue delivers the command. */
    AllocationOutcome cancel(Reservation reservation) {
        reservations.update(stored(reservation).requestCancellation(clock.instant()));
        return deliver(ReservationCommand.Type.CANCEL, reservation.id());
    }

    AllocationOutcome deliver(ReservationCommand.Type type, ReservationId reservation) {
        return allocator.handle(new ReservationCommand(type, reservation, "corr-test"));
    }

    Reservation stored(Reservation reservation) {
        return reservations.find(reservation.id()).orElseThrow();
    }

    /** The cells an exam at {@code start} holds on each of the resources. */
    static Set<Cell> cells(ExamTypeCode exam, Instant start, List<ResourceId> resources) {
        Occupancy occupancy = Occupancy.of(CenterMother.center().examType(exam).orElseThrow(), start);
        Set<Cell> cells = new HashSet<>();
        resources.forEach(resource -> cells.addAll(occupancy.cells(resource)));
        return cells;
    }

    /** What the ledger must hold: exactly the cells of every CONFIRMED reservation, each by it. */
    Map<Cell, ReservationId> cellsOfConfirmed() {
        Map<Cell, ReservationId> expected = new HashMap<>();
        reservations.snapshot().values().stream().filter(r -> r.status() == ReservationStatus.CONFIRMED)
                .forEach(r -> cells(r.examType(), r.start(), r.resources()).forEach(c -> expected.put(c, r.id())));
        return expected;
    }

    /** The catalog no longer offers the exam type (and no resource performs it). */
    void withdraw(ExamTypeCode exam) {
        Center before = center.get();
        List<Resource> resources = before.resources().stream().map(r -> new Resource(r.id(), r.site(), r.name(),
                r.kind(), r.performs().stream().filter(code -> !code.equals(exam)).collect(Collectors.toSet()),
                r.hours())).toList();
        List<ExamType> offered = before.examTypes().stream().filter(e -> !e.code().equals(exam)).toList();
        center.set(new Center(before.sites(), offered, resources, before.closures(), before.policy()));
    }
}
