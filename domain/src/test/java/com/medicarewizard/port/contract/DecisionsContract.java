package com.medicarewizard.port.contract;

import static com.medicarewizard.domain.ReservationMother.REQUESTED_AT;
import static com.medicarewizard.domain.ReservationMother.RESOURCES;
import static com.medicarewizard.domain.ReservationMother.START;
import static com.medicarewizard.domain.ReservationMother.confirmed;
import static com.medicarewizard.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Decisions} adapter promises, on the same storage as its {@link Reservations} and
 * {@link SlotLedger}. Subclasses give fresh, empty stores per test.
 */
public abstract class DecisionsContract {

    private static final Instant AFTER = START.plus(Duration.ofHours(8));
    private Stores stores;
    private Reservation request;

    /** The three ports over one fresh, empty storage. */
    public record Stores(Reservations reservations, SlotLedger ledger, Decisions decisions) {
    }

    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        request = pending(PatientId.random());
        stores.reservations().create(request, Optional.empty());
    }

    /** {@code count} cells on each of the request's resources from its start. */
    private static List<Cell> cells(int count) {
        Instant to = START.plus(Cell.SIZE.multipliedBy(count));
        return RESOURCES.stream().flatMap(resource -> Cell.covering(resource, START, to).stream()).toList();
    }

    private Map<Cell, ReservationId> held() {
        return stores.ledger().holders(RESOURCES, START.minus(Duration.ofHours(1)), AFTER);
    }

    @Test
    void storesTheConfirmationWithEveryCellClaimedForIt() {
        Decisions.Confirmation done = stores.decisions().confirm(confirmed(request, REQUESTED_AT), cells(6));

        assertThat(done).isInstanceOfSatisfying(Decisions.Stored.class, stored -> {
            assertThat(stored.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(stored.reservation().version()).isEqualTo(request.version() + 1);
        });
        assertThat(stores.reservations().find(request.id())).get().isEqualTo(((Decisions.Stored) done).reservation());
        assertThat(held()).hasSize(12).allSatisfy((cell, holder) -> assertThat(holder).isEqualTo(request.id()));
    }

    @Test
    void aCellHeldByAnotherReservationWritesNothingAndIsNamed() {
        ReservationId other = ReservationId.random();
        Cell theirs = cells(6).get(4);
        stores.ledger().claim(other, List.of(theirs));

        Decisions.Confirmation done = stores.decisions().confirm(confirmed(request, REQUESTED_AT), cells(6));

        assertThat(done).isEqualTo(new Decisions.Taken(java.util.Set.of(theirs)));
        assertThat(stores.reservations().find(request.id())).get().isEqualTo(request);
        assertThat(held()).containsExactly(Map.entry(theirs, other));
    }

    @Test
    void cellsTheRequestAlreadyHoldsCountAsClaimed() {
        stores.ledger().claim(request.id(), cells(2));

        assertThat(stores.decisions().confirm(confirmed(request, REQUESTED_AT), cells(6)))
                .isInstanceOf(Decisions.Stored.class);
        assertThat(held()).hasSize(12).allSatisfy((cell, holder) -> assertThat(holder).isEqualTo(request.id()));
    }

    @Test
    void aRequestChangedMeanwhileIsNamedWithWhatIsStoredAndNothingIsWritten() {
        Reservation cancelRequested = stores.reservations()
                .recordCancelRequest(request.id(), request.patient(), REQUESTED_AT).orElseThrow();

        assertThatThrownBy(() -> stores.decisions().confirm(confirmed(request, REQUESTED_AT), cells(6)))
                .isInstanceOfSatisfying(Reservations.ConcurrentChangeException.class, e -> {
                    assertThat(e.id()).isEqualTo(request.id());
                    assertThat(e.current()).contains(cancelRequested);
                });
        assertThat(held()).isEmpty();
    }

    @Test
    void aRequestThatIsNotStoredIsAConcurrentChange() {
        Reservation never = pending(PatientId.random());

        assertThatThrownBy(() -> stores.decisions().confirm(confirmed(never, REQUESTED_AT), cells(6)))
                .isInstanceOfSatisfying(Reservations.ConcurrentChangeException.class,
                        e -> assertThat(e.current()).isEmpty());
        assertThat(held()).isEmpty();
    }

    @Test
    void aRequestUnderADecisionLeaseIsLeftToItsHolder() {
        Instant now = REQUESTED_AT;
        assertThat(stores.reservations().leaseDecision(request.id(),
                new Reservations.DecisionLease("cell-by-cell", now.plusSeconds(60)), now)).isTrue();

        assertThat(stores.decisions().confirm(confirmed(request, now), cells(6))).isEqualTo(new Decisions.Leased());
        assertThat(stores.reservations().find(request.id()).orElseThrow().status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(held()).isEmpty();
    }

    @Test
    void ninetyNineCellsAndTheRequestMakeOneWriteOfAHundred() {
        ResourceId third = new ResourceId("RN-MRI-2");
        Instant to = START.plus(Cell.SIZE.multipliedBy(33));
        List<Cell> many = Stream.concat(cells(33).stream(), Cell.covering(third, START, to).stream()).toList();

        assertThat(many).hasSize(Decisions.MAX_CELLS);
        assertThat(stores.decisions().confirm(confirmed(request, REQUESTED_AT), many)).isInstanceOf(Decisions.Stored.class);
        assertThat(stores.ledger().holders(List.of(RESOURCES.get(0), RESOURCES.get(1), third), START, to)).hasSize(99);
    }

    @Test
    void refusesBeforeWritingWhatNoTransactionCouldHold() {
        Reservation confirmed = confirmed(request, REQUESTED_AT);
        List<Cell> tooMany = Stream.concat(cells(40).stream(), Cell.covering(new ResourceId("X"), START,
                START.plus(Cell.SIZE.multipliedBy(20))).stream()).toList();

        assertThatThrownBy(() -> stores.decisions().confirm(confirmed, tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores.decisions().confirm(confirmed, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores.decisions().confirm(request, cells(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.reservations().find(request.id())).contains(request);
        assertThat(held()).isEmpty();
    }

    @Test
    void storesARejectionOfTheVersionReadWithNoCellClaimed() {
        Reservation rejected = ReservationMother.rejected(request, REQUESTED_AT);

        assertThat(stores.decisions().reject(rejected)).contains(rejected.withVersion(1));
        assertThat(stores.reservations().find(request.id())).contains(rejected.withVersion(1));
        assertThat(held()).isEmpty();
    }

    @Test
    void aRejectionOfARequestUnderADecisionLeaseIsLeftToTheLeaseHolder() {
        Instant now = REQUESTED_AT;
        stores.reservations().leaseDecision(request.id(), new Reservations.DecisionLease("cell-by-cell", now.plusSeconds(60)),
                now);

        assertThat(stores.decisions().reject(ReservationMother.rejected(request, now))).as("left to the lease holder").isEmpty();
        assertThat(stores.reservations().find(request.id()).orElseThrow().status()).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void aRejectionOfARequestChangedMeanwhileIsAConcurrentChange() {
        stores.reservations().recordCancelRequest(request.id(), request.patient(), REQUESTED_AT);

        assertThatThrownBy(() -> stores.decisions().reject(ReservationMother.rejected(request, REQUESTED_AT)))
                .isInstanceOf(Reservations.ConcurrentChangeException.class);
        assertThatThrownBy(() -> stores.decisions().reject(confirmed(request, REQUESTED_AT)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
