package com.medicarewizard.port.contract;

import static com.medicarewizard.domain.ReservationMother.REQUESTED_AT;
import static com.medicarewizard.domain.ReservationMother.confirmed;
import static com.medicarewizard.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ReservationChanges;
import com.medicarewizard.port.ReservationChanges.Awaited;
import com.medicarewizard.port.Reservations;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReservationChanges} adapter promises, over the {@link Reservations} store it
 * watches. Bounds on time are generous (a busy machine is slow): a change ends a 20 s wait well
 * before 15 s; a wait with nothing to wake it lasts at least what was asked (a lower bound never flakes).
 */
public abstract class ReservationChangesContract {

    private static final Duration LONG = Duration.ofSeconds(20);
    /** Runs a change a moment later, while the read under test waits. */
    private static final Executor LATER = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);
    private static final long WELL_BEFORE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private final PatientId patient = PatientId.random();
    private Reservations reservations;
    private ReservationChanges changes;

    /** The store and the adapter watching it, over empty storage. */
    public record Watched(Reservations reservations, ReservationChanges changes) {
    }

    protected abstract Watched newWatched();

    @BeforeEach
    void freshStore() {
        Watched watched = newWatched();
        reservations = watched.reservations();
        changes = watched.changes();
    }

    @Test
    void answersAtOnceWhatIsStoredWhenItDiffersAlreadyFromWhatWasSeen() throws InterruptedException {
        Reservation seen = reservations.create(pending(patient), Optional.empty()).reservation();
        Reservation decided = reservations.update(confirmed(seen, REQUESTED_AT.plusSeconds(1)));

        long started = System.nanoTime();
        Awaited awaited = changes.awaitChange(seen, LONG);

        assertThat(awaited.waited()).isTrue();
        assertThat(awaited.reservation()).contains(decided);
        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
    }

    @Test
    void aDecisionStoredMeanwhileEndsTheWaitWithIt() throws Exception {
        Reservation seen = reservations.create(pending(patient), Optional.empty()).reservation();
        CompletableFuture<Reservation> decision = CompletableFuture.supplyAsync(
                () -> reservations.update(confirmed(seen, REQUESTED_AT.plusSeconds(1))), LATER);

        long started = System.nanoTime();
        Awaited awaited = changes.awaitChange(seen, LONG);

        assertThat(awaited.waited()).isTrue();
        assertThat(awaited.reservation()).contains(decision.get(15, TimeUnit.SECONDS));
        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
    }

    @Test
    void withNothingChangedItAnswersWhatWasSeenOnceTheTimeHasPassed() throws InterruptedException {
        Reservation seen = reservations.create(pending(patient), Optional.empty()).reservation();
        Duration within = Duration.ofMillis(600);

        long started = System.nanoTime();
        Awaited awaited = changes.awaitChange(seen, within);

        assertThat(awaited.waited()).isTrue();
        assertThat(awaited.reservation()).contains(seen);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(within.toNanos());
    }

    @Test
    void bookkeepingThatLeavesTheReservationAloneDoesNotEndTheWait() throws Exception {
        Reservation seen = reservations.create(pending(patient), Optional.empty()).reservation();
        Duration within = Duration.ofMillis(1500);
        CompletableFuture<Boolean> resent = CompletableFuture.supplyAsync(
                () -> reservations.recordResent(seen.id(), REQUESTED_AT.plusSeconds(60)), LATER);

        long started = System.nanoTime();
        Awaited awaited = changes.awaitChange(seen, within);

        assertThat(resent.get(15, TimeUnit.SECONDS)).isTrue();
        assertThat(awaited.reservation()).contains(seen);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(within.toNanos());
    }

    @Test
    void aReservationThatDoesNotExistIsAnsweredEmptyAtOnce() throws InterruptedException {
        Reservation never = pending(patient);

        long started = System.nanoTime();
        Awaited awaited = changes.awaitChange(never, LONG);

        assertThat(awaited.reservation()).isEmpty();
        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
    }

}
