package com.medicarewizard.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.availability.Slot;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.fakes.InMemoryReservations;
import com.medicarewizard.port.fakes.InMemorySlotLedger;
import com.medicarewizard.port.fakes.InMemoryDecisions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Availability and the allocator agree on every start of a day, across daylight-saving changes:
 * asked at the same instant over the same ledger, a start offered with room is confirmed, one
 * offered full is rejected only as SLOT_TAKEN, and one not offered is rejected for a rule (notice,
 * horizon, grid, hours, breaks, closures, buffers). So availability never offers what the
 * allocator refuses for rules, and never hides what it would confirm.
 */
class AvailabilityProperties {

    @Property(tries = 200)
    void availabilityAndTheAllocatorAgreeOnEveryStartOfTheDay(@ForAll("scenarios") AvailabilityScenario scenario) {
        Center center = scenario.center();
        List<Cell> held = scenario.heldCells();
        Map<Instant, Slot> offered = new AvailabilityCalculator(BookingRules.of(center))
                .compute(scenario.exam(), center.sites(), scenario.day(), scenario.day(), scenario.now(),
                        new TakenCells(held)).stream()
                .collect(Collectors.toMap(Slot::start, Function.identity()));
        Allocator allocator = new Allocator(center, held, scenario.now());
        Instant end = scenario.day().plusDays(1).atStartOfDay(AvailabilityScenario.ROME).toInstant();
        for (Instant start = scenario.midnight(); start.isBefore(end); start = start.plus(Cell.SIZE)) {
            Reservation decided = allocator.decide(scenario, start);
            Optional<Slot> slot = Optional.ofNullable(offered.get(start));
            String at = start.atZone(AvailabilityScenario.ROME) + " → " + decided.status() + " " + decided.reason();
            if (decided.status() == ReservationStatus.CONFIRMED) {
                assertThat(slot).as(at).hasValueSatisfying(s -> assertThat(s.available()).as(at).isPositive());
            } else if (decided.reason().equals(Optional.of(RejectionReason.SLOT_TAKEN))) {
                assertThat(slot).as(at).hasValueSatisfying(s -> assertThat(s.available()).as(at).isZero());
            } else {
                assertThat(slot).as(at + " is offered: " + slot).isEmpty();
            }
        }
    }

    @Provide
    Arbitrary<AvailabilityScenario> scenarios() {
        return AvailabilityScenarios.scenarios();
    }

    /** The real allocator over a ledger holding the others' cells; each decision is undone after. */
    private static final class Allocator {
        private final InMemoryReservations reservations = new InMemoryReservations();
        private final InMemorySlotLedger ledger = new InMemorySlotLedger();
        private final ReservationAllocator allocator;
        private final Center center;
        private final Instant now;

        Allocator(Center center, List<Cell> held, Instant now) {
            this.center = center;
            this.now = now;
            ReservationId others = ReservationId.random();
            ledger.claim(others, held);
            allocator = new ReservationAllocator(reservations, ledger, new InMemoryDecisions(reservations, ledger), () -> center, ActiveBookingsLimit.standard(),
                    Clock.fixed(now, ZoneOffset.UTC), InMemoryAllocation.TIMEOUT);
        }

        Reservation decide(AvailabilityScenario scenario, Instant start) {
            Reservation request = Reservation.request(ReservationId.random(), PatientId.random(), scenario.exam().code(),
                    AvailabilityScenario.SITE.id(), start, start.plus(scenario.exam().duration()), now, "corr-property");
            reservations.create(request, Optional.empty());
            allocator.handle(new ReservationCommand(ReservationCommand.Type.DECIDE, request.id(), "corr-property"));
            Reservation decided = reservations.find(request.id()).orElseThrow();
            Occupancy occupancy = Occupancy.of(scenario.exam(), start);
            decided.resources().forEach(resource -> ledger.release(request.id(), occupancy.cells(resource)));
            return decided;
        }
    }
}
