package com.medicarewizard.port.contract;

import static com.medicarewizard.domain.ReservationMother.REQUESTED_AT;
import static com.medicarewizard.domain.ReservationMother.START;
import static com.medicarewizard.domain.ReservationMother.confirmed;
import static com.medicarewizard.domain.ReservationMother.pending;
import static com.medicarewizard.domain.ReservationMother.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Reservations.ConcurrentChangeException;
import com.medicarewizard.port.Reservations.Created;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Reservations} adapter promises. Subclasses give a fresh, empty store per test. */
public abstract class ReservationsContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final PatientId patient = PatientId.random();
    private Reservations reservations;

    /** A new adapter over empty storage. */
    protected abstract Reservations newReservations();

    @BeforeEach
    void freshStore() {
        reservations = newReservations();
    }

    @Test
    void storesAPendingRequestThatCanBeFoundById() {
        Reservation request = pending(patient);
        Created created = reservations.create(request, Optional.empty());
        assertThat(created.isNew()).isTrue();
        assertThat(created.reservation()).isEqualTo(request);
        assertThat(reservations.find(request.id())).contains(request);
    }

    /** An offer from the waitlist keeps its entry, its hold and its acceptance through every write; HELD, then CONFIRMED. */
    @Test
    void anOfferKeepsItsHoldAndItsAcceptanceAndMayBeCancelledWhileHeld() {
        Reservation freed = confirmed(pending(PatientId.random()), REQUESTED_AT).cancel(REQUESTED_AT.plus(MINUTE));
        Reservation request = Reservation.offerRequest(ReservationId.random(), patient, freed, "2f6d8c1e-0000-4000-8000-000000000001",
                Duration.ofMinutes(15), REQUESTED_AT.plus(MINUTE), "corr-offer");
        reservations.create(request, Optional.empty());
        Reservation held = reservations.update(confirmed(request, REQUESTED_AT.plus(MINUTE.multipliedBy(2))));
        assertThat(held.status()).isEqualTo(com.medicarewizard.domain.reservation.ReservationStatus.HELD);

        Reservation found = reservations.find(request.id()).orElseThrow();
        assertThat(found).isEqualTo(held);
        assertThat(found.heldUntil()).contains(REQUESTED_AT.plus(MINUTE.multipliedBy(17)));
        Reservation accepted = reservations.update(found.acceptOffer(REQUESTED_AT.plus(MINUTE.multipliedBy(3))));
        assertThat(reservations.find(request.id())).contains(accepted);
        assertThat(accepted.isAccepted()).isTrue();
        assertThat(reservations.update(accepted.confirmAccepted()).status())
                .isEqualTo(com.medicarewizard.domain.reservation.ReservationStatus.CONFIRMED);

        Reservation other = Reservation.offerRequest(ReservationId.random(), patient, freed, "2f6d8c1e-0000-4000-8000-000000000002",
                Duration.ofMinutes(15), REQUESTED_AT.plus(MINUTE), "corr-offer-2");
        reservations.create(other, Optional.empty());
        reservations.update(confirmed(other, REQUESTED_AT.plus(MINUTE.multipliedBy(2))));
        // unsettled once its hold ends (+17 min), not before
        assertThat(reservations.unsettledSince(REQUESTED_AT.plus(MINUTE.multipliedBy(18)), 10)).extracting(Reservation::id)
                .containsExactly(other.id());
        assertThat(reservations.unsettledSince(REQUESTED_AT.plus(MINUTE.multipliedBy(17)), 10)).isEmpty();
        assertThat(reservations.recordCancelRequest(other.id(), patient, REQUESTED_AT.plus(MINUTE.multipliedBy(4))))
                .hasValueSatisfying(declined -> assertThat(declined.cancelRequestedAt()).isPresent());
        // declined: unsettled from its cancellation's recording until the allocator carries it out
        assertThat(reservations.unsettledSince(REQUESTED_AT.plus(MINUTE.multipliedBy(5)), 10)).extracting(Reservation::id)
                .containsExactly(other.id());
        reservations.update(reservations.find(other.id()).orElseThrow().cancel(REQUESTED_AT.plus(MINUTE.multipliedBy(6))));
        assertThat(reservations.unsettledSince(REQUESTED_AT.plus(MINUTE.multipliedBy(60)), 10)).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(reservations.find(ReservationId.random())).isEmpty();
    }

    @Test
    void findsSeveralAtOnceInTheOrderAskedWithNothingForAnUnknownId() {
        Reservation first = pending(patient);
        Reservation second = pending(PatientId.random());
        reservations.create(first, Optional.empty());
        reservations.create(second, Optional.empty());

        assertThat(reservations.findAll(List.of(second.id(), ReservationId.random(), first.id())))
                .containsExactly(Optional.of(second), Optional.empty(), Optional.of(first));
        assertThat(reservations.findAll(List.of())).isEmpty();
    }

    @Test
    void storesAMoveAsOneWriteAndKeepsBothSidesLinked() {
        Reservation booked = reservations.update(confirmed(create(pending(patient)), REQUESTED_AT.plus(MINUTE)));
        Reservation request = create(moveOf(booked));
        assertThat(reservations.find(request.id())).contains(request);

        Instant at = REQUESTED_AT.plus(MINUTE.multipliedBy(3));
        Reservations.Moved moved = reservations.storeMove(confirmed(request, at), booked.moveTo(request.id(), at));

        assertThat(reservations.find(request.id())).contains(moved.confirmed());
        assertThat(reservations.find(booked.id())).contains(moved.moved());
        assertThat(moved.confirmed().version()).isEqualTo(request.version() + 1);
        assertThat(moved.confirmed().replaces()).hasValueSatisfying(replaced -> {
            assertThat(replaced.reservation()).isEqualTo(booked.id());
            assertThat(replaced.start()).isEqualTo(booked.start());
            assertThat(replaced.site()).isEqualTo(booked.site());
        });
        assertThat(moved.moved().movedTo()).contains(request.id());
        assertThat(moved.moved().cancelRequestedAt()).as("the patient did not ask to cancel it").isEmpty();
    }

    @Test
    void aMoveOverAChangedReservationWritesNeitherSide() {
        Reservation booked = reservations.update(confirmed(create(pending(patient)), REQUESTED_AT.plus(MINUTE)));
        Reservation request = create(moveOf(booked));
        Instant at = REQUESTED_AT.plus(MINUTE.multipliedBy(3));
        Reservation cancelWished = reservations.recordCancelRequest(booked.id(), patient, at).orElseThrow();

        assertThatThrownBy(() -> reservations.storeMove(confirmed(request, at), booked.moveTo(request.id(), at)))
                .isInstanceOfSatisfying(ConcurrentChangeException.class,
                        e -> assertThat(e.current()).contains(cancelWished));
        assertThat(reservations.find(request.id())).contains(request);
        assertThat(reservations.find(booked.id())).contains(cancelWished);
    }

    /** A request to move {@code booked} a day later, made a minute after it was confirmed. */
    private static Reservation moveOf(Reservation booked) {
        return Reservation.moveRequest(ReservationId.random(), booked, booked.site(), START.plus(Duration.ofDays(1)),
                booked.end().plus(Duration.ofDays(1)), REQUESTED_AT.plus(MINUTE.multipliedBy(2)), "corr-move");
    }

    private Reservation create(Reservation request) {
        return reservations.create(request, Optional.empty()).reservation();
    }

    @Test
    void createsARequestOnlyOnce() {
        Reservation request = pending(patient);
        reservations.create(request, Optional.empty());
        Reservation confirmed = reservations.update(confirmed(request, REQUESTED_AT.plus(MINUTE)));
        assertThatThrownBy(() -> reservations.create(request, Optional.empty()))
                .isInstanceOfSatisfying(ConcurrentChangeException.class,
                        e -> assertThat(e.current()).contains(confirmed));
        assertThat(reservations.find(request.id())).contains(confirmed);
    }

    @Test
    void answersTheFirstReservationForTheSameKeyFromTheSamePatient() {
        Reservation first = pending(patient);
        Reservation retry = pending(patient);
        reservations.create(first, Optional.of("key-1"));
        Created again = reservations.create(retry, Optional.of("key-1"));
        assertThat(again.isNew()).isFalse();
        assertThat(again.reservation()).isEqualTo(first);
        assertThat(reservations.find(retry.id())).isEmpty();
        assertThat(reservations.ofPatient(patient)).containsExactly(first);
    }

    @Test
    void createsANewReservationForTheSameKeyFromAnotherPatient() {
        Reservation mine = pending(patient);
        Reservation theirs = pending(PatientId.random());
        reservations.create(mine, Optional.of("key-1"));
        Created created = reservations.create(theirs, Optional.of("key-1"));
        assertThat(created.isNew()).isTrue();
        assertThat(reservations.find(theirs.id())).contains(theirs);
    }

    @Test
    void createsOnePerDistinctKey() {
        reservations.create(pending(patient), Optional.of("key-1"));
        assertThat(reservations.create(pending(patient), Optional.of("key-2")).isNew()).isTrue();
        assertThat(reservations.ofPatient(patient)).hasSize(2);
    }

    @Test
    void updateStoresEveryFieldWithTheVersionOneHigher() {
        Reservation request = pending(patient);
        reservations.create(request, Optional.empty());
        Reservation decided = confirmed(request, REQUESTED_AT.plus(MINUTE));
        Reservation stored = reservations.update(decided);
        assertThat(stored).isEqualTo(decided.withVersion(1));
        Reservation cancelled = stored.requestCancellation(REQUESTED_AT.plus(MINUTE.multipliedBy(2)))
                .cancel(REQUESTED_AT.plus(MINUTE.multipliedBy(3)));
        assertThat(reservations.update(cancelled)).isEqualTo(cancelled.withVersion(2));
        assertThat(reservations.find(request.id())).contains(cancelled.withVersion(2));
    }

    @Test
    void updateWithAStaleVersionChangesNothingAndCarriesTheCurrentOne() {
        Reservation request = pending(patient);
        reservations.create(request, Optional.empty());
        Reservation current = reservations.update(rejected(request, REQUESTED_AT.plus(MINUTE)));
        Reservation stale = confirmed(request, REQUESTED_AT.plus(MINUTE));
        assertThatThrownBy(() -> reservations.update(stale))
                .isInstanceOfSatisfying(ConcurrentChangeException.class,
                        e -> assertThat(e.current()).contains(current));
        assertThat(reservations.find(request.id())).contains(current);
    }

    @Test
    void updateOfAMissingReservationCarriesNoCurrentOne() {
        Reservation never = pending(patient);
        assertThatThrownBy(() -> reservations.update(never))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.current()).isEmpty());
        assertThat(reservations.find(never.id())).isEmpty();
    }

    @Test
    void showsAPatientOnlyTheirOwnReservationsNewestStartFirst() {
        Reservation early = pending(patient, START, REQUESTED_AT);
        Reservation late = pending(patient, START.plus(Duration.ofDays(2)), REQUESTED_AT);
        Reservation middle = pending(patient, START.plus(Duration.ofDays(1)), REQUESTED_AT);
        Reservation someoneElses = pending(PatientId.random());
        for (Reservation r : new Reservation[] {early, late, middle, someoneElses}) {
            reservations.create(r, Optional.empty());
        }
        assertThat(reservations.ofPatient(patient)).containsExactly(late, middle, early);
        assertThat(reservations.ofPatient(PatientId.random())).isEmpty();
    }

    @Test
    void anAnonymisedReservationIsKeptForTheCenterAndNoLongerListedAsThePatients() {
        Reservation request = pending(patient);
        reservations.create(request, Optional.empty());
        Reservation confirmed = reservations.update(confirmed(request, REQUESTED_AT.plus(MINUTE)));

        Reservation anonymised = reservations.update(confirmed.anonymised());

        assertThat(anonymised.patient()).isEqualTo(PatientId.ERASED);
        assertThat(reservations.find(request.id())).contains(anonymised);
        assertThat(anonymised).usingRecursiveComparison().ignoringFields("patient", "version").isEqualTo(confirmed);
        assertThat(reservations.ofPatient(patient)).isEmpty();
        assertThat(reservations.ofPatient(PatientId.ERASED)).isEmpty();
        assertThat(reservations.recordCancelRequest(request.id(), patient, REQUESTED_AT.plus(MINUTE))).isEmpty();
        assertThat(reservations.find(request.id())).contains(anonymised);
    }

    @Test
    void showsAPatientsReservationsStartingAfterAnInstantNewestStartFirst() {
        Reservation early = pending(patient, START, REQUESTED_AT);
        Reservation late = pending(patient, START.plus(Duration.ofDays(2)), REQUESTED_AT);
        Reservation middle = pending(patient, START.plus(Duration.ofDays(1)), REQUESTED_AT);
        Reservation someoneElses = pending(PatientId.random(), START.plus(Duration.ofDays(3)), REQUESTED_AT);
        for (Reservation r : new Reservation[] {early, late, middle, someoneElses}) {
            reservations.create(r, Optional.empty());
        }
        assertThat(reservations.ofPatientStartingAfter(patient, START)).as("strictly later").containsExactly(late, middle);
        assertThat(reservations.ofPatientStartingAfter(patient, START.minusNanos(1))).containsExactly(late, middle, early);
        assertThat(reservations.ofPatientStartingAfter(patient, START.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void listsPendingRequestsAcceptedBeforeTheBoundOldestFirst() {
        Reservation second = create(REQUESTED_AT.plusSeconds(2));
        Reservation first = create(REQUESTED_AT.plusMillis(1500));
        Reservation third = create(REQUESTED_AT.plusSeconds(3));
        create(REQUESTED_AT.plusSeconds(4));
        assertThat(reservations.pendingSince(REQUESTED_AT.plusSeconds(4), 10)).containsExactly(first, second, third);
        assertThat(reservations.pendingSince(REQUESTED_AT.plusSeconds(4), 2)).containsExactly(first, second);
    }

    @Test
    void pendingRequestsNoLongerListedOnceDecided() {
        Reservation decided = create(REQUESTED_AT);
        Reservation waiting = create(REQUESTED_AT.plusSeconds(1));
        reservations.update(confirmed(decided, REQUESTED_AT.plus(MINUTE)));
        assertThat(reservations.pendingSince(REQUESTED_AT.plus(MINUTE), 10)).containsExactly(waiting);
    }

    @Test
    void keepsTheSweepersReSendsOfAPendingRequest() {
        Reservation waiting = create(REQUESTED_AT);
        Instant before = REQUESTED_AT.plus(MINUTE);
        assertThat(reservations.waitingSince(before, 10))
                .containsExactly(new Reservations.Waiting(waiting, REQUESTED_AT, 0));

        assertThat(reservations.recordResent(waiting.id(), REQUESTED_AT.plusSeconds(40))).isTrue();
        assertThat(reservations.recordResent(waiting.id(), REQUESTED_AT.plusSeconds(50))).isTrue();

        assertThat(reservations.waitingSince(before, 10))
                .containsExactly(new Reservations.Waiting(waiting, REQUESTED_AT.plusSeconds(50), 2));
        assertThat(reservations.find(waiting.id())).as("the reservation itself is unchanged").contains(waiting);
    }

    @Test
    void recordsNoReSendOfADecidedOrUnknownRequest() {
        Reservation decided = reservations.update(confirmed(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        ReservationId unknown = ReservationId.random();

        assertThat(reservations.recordResent(decided.id(), REQUESTED_AT.plus(MINUTE))).isFalse();
        assertThat(reservations.recordResent(unknown, REQUESTED_AT.plus(MINUTE))).isFalse();

        assertThat(reservations.find(decided.id())).contains(decided);
        assertThat(reservations.find(unknown)).isEmpty();
        assertThat(reservations.waitingSince(REQUESTED_AT.plus(MINUTE), 10)).isEmpty();
    }

    @Test
    void leasesAPendingRequestToOneHolderAtATimeLeavingTheReservationAlone() {
        Reservation request = create(REQUESTED_AT);
        Instant now = REQUESTED_AT.plus(MINUTE);
        Reservations.DecisionLease first = new Reservations.DecisionLease("attempt-1", now.plusSeconds(60));

        assertThat(reservations.leaseDecision(request.id(), first, now)).isTrue();
        assertThat(reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-2",
                now.plusSeconds(90)), now.plusSeconds(59))).as("another holder, while the first lease lasts").isFalse();
        assertThat(reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-1",
                now.plusSeconds(70)), now.plusSeconds(10))).as("its holder renews it").isTrue();
        assertThat(reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-2",
                now.plusSeconds(90)), now.plusSeconds(60))).as("the renewed lease still lasts").isFalse();

        assertThat(reservations.find(request.id())).as("the reservation itself is unchanged").contains(request);
        assertThat(reservations.waitingSince(now, 10)).containsExactly(new Reservations.Waiting(request, REQUESTED_AT, 0));
    }

    @Test
    void anEndedLeaseIsTakenOverAndItsFormerHolderCannotRenewIt() {
        Reservation request = create(REQUESTED_AT);
        Instant until = REQUESTED_AT.plus(MINUTE);
        reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-1", until), REQUESTED_AT);

        assertThat(reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-2",
                until.plus(MINUTE)), until)).as("a lease ends at its end").isTrue();
        assertThat(reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-1",
                until.plus(MINUTE)), until)).isFalse();
        assertThat(reservations.find(request.id())).contains(request);
    }

    @Test
    void storingTheReservationDropsItsLease() {
        Reservation request = create(REQUESTED_AT);
        Instant now = REQUESTED_AT.plus(MINUTE);
        reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-1", now.plus(MINUTE)), now);

        reservations.update(request.requestCancellation(now));

        assertThat(reservations.leaseDecision(request.id(), new Reservations.DecisionLease("attempt-2",
                now.plus(MINUTE)), now)).isTrue();
    }

    @Test
    void leasesNoDecidedOrUnknownRequest() {
        Reservation decided = reservations.update(confirmed(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        ReservationId unknown = ReservationId.random();
        Reservations.DecisionLease lease = new Reservations.DecisionLease("attempt-1", REQUESTED_AT.plus(MINUTE));

        assertThat(reservations.leaseDecision(decided.id(), lease, REQUESTED_AT)).isFalse();
        assertThat(reservations.leaseDecision(unknown, lease, REQUESTED_AT)).isFalse();

        assertThat(reservations.find(decided.id())).contains(decided);
        assertThat(reservations.find(unknown)).as("no item made from the key").isEmpty();
    }

    @Test
    void listsConfirmedAndRejectedDecidedAtOrAfterTheBound() {
        Instant bound = REQUESTED_AT.plus(MINUTE);
        Reservation before = reservations.update(confirmed(create(REQUESTED_AT), bound.minusMillis(1)));
        Reservation atBound = reservations.update(confirmed(create(REQUESTED_AT), bound));
        Reservation after = reservations.update(rejected(create(REQUESTED_AT), bound.plusSeconds(5)));
        create(REQUESTED_AT);
        assertThat(reservations.decidedSince(bound)).containsExactlyInAnyOrder(atBound, after)
                .doesNotContain(before);
    }

    @Test
    void cancelledReservationsAreNoLongerListedAsDecided() {
        Instant bound = REQUESTED_AT.plus(MINUTE);
        Reservation stored = reservations.update(confirmed(create(REQUESTED_AT), bound));
        reservations.update(stored.cancel(bound.plusSeconds(1)));
        assertThat(reservations.decidedSince(bound)).isEmpty();
    }

    @Test
    void recordsTheCancelRequestOfTheReservationsOwnPatientOnce() {
        Reservation stored = reservations.update(confirmed(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        Instant asked = REQUESTED_AT.plus(MINUTE.multipliedBy(2));

        Optional<Reservation> recorded = reservations.recordCancelRequest(stored.id(), patient, asked);
        Optional<Reservation> again = reservations.recordCancelRequest(stored.id(), patient, asked.plus(MINUTE));

        Reservation expected = stored.requestCancellation(asked).withVersion(stored.version() + 1);
        assertThat(recorded).contains(expected);
        assertThat(again).contains(expected);
        assertThat(reservations.find(stored.id())).contains(expected);
    }

    @Test
    void recordsACancelRequestOnAPendingRequestToo() {
        Reservation request = create(REQUESTED_AT);

        assertThat(reservations.recordCancelRequest(request.id(), patient, REQUESTED_AT.plus(MINUTE)))
                .contains(request.requestCancellation(REQUESTED_AT.plus(MINUTE)).withVersion(1));
    }

    @Test
    void recordsNoCancelRequestForAnotherPatientsOrAMissingReservation() {
        Reservation stored = reservations.update(confirmed(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));

        assertThat(reservations.recordCancelRequest(stored.id(), PatientId.random(), REQUESTED_AT.plus(MINUTE)))
                .isEmpty();
        assertThat(reservations.recordCancelRequest(ReservationId.random(), patient, REQUESTED_AT.plus(MINUTE)))
                .isEmpty();
        assertThat(reservations.find(stored.id())).contains(stored);
    }

    @Test
    void recordsNoCancelRequestOnARejectedOrCancelledReservation() {
        Reservation rejected = reservations.update(rejected(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        Reservation confirmed = reservations.update(confirmed(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        Reservation cancelled = reservations.update(confirmed.cancel(REQUESTED_AT.plus(MINUTE)));
        Instant asked = REQUESTED_AT.plus(MINUTE.multipliedBy(2));

        assertThat(reservations.recordCancelRequest(rejected.id(), patient, asked)).contains(rejected);
        assertThat(reservations.recordCancelRequest(cancelled.id(), patient, asked)).contains(cancelled);
        assertThat(reservations.find(rejected.id())).contains(rejected);
        assertThat(reservations.find(cancelled.id())).contains(cancelled);
    }

    @Test
    void theCenterCancelsAConfirmedReservationOnceWithItsReason() {
        Reservation stored = reservations.update(confirmed(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        Instant at = REQUESTED_AT.plus(MINUTE.multipliedBy(2));

        Optional<Reservation> recorded = reservations.recordCenterCancellation(stored.id(), at);
        Optional<Reservation> again = reservations.recordCenterCancellation(stored.id(), at.plus(MINUTE));

        Reservation expected = stored.requestCenterCancellation(at).withVersion(stored.version() + 1);
        assertThat(recorded).contains(expected);
        assertThat(again).contains(expected);
        assertThat(expected.reason()).contains(com.medicarewizard.domain.reservation.RejectionReason.CENTER_CLOSED);
        assertThat(reservations.find(stored.id())).contains(expected);
        Reservation cancelled = reservations.update(expected.cancel(at.plus(MINUTE)));
        assertThat(cancelled.reason()).contains(com.medicarewizard.domain.reservation.RejectionReason.CENTER_CLOSED);
    }

    @Test
    void theCenterCancelsNoPendingRejectedOrAlreadyCancellingReservation() {
        Reservation pending = create(REQUESTED_AT);
        Reservation rejected = reservations.update(rejected(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        Reservation confirmed = reservations.update(confirmed(create(REQUESTED_AT), REQUESTED_AT.plus(MINUTE)));
        Reservation asked = reservations.recordCancelRequest(confirmed.id(), patient, REQUESTED_AT.plus(MINUTE))
                .orElseThrow();
        Instant at = REQUESTED_AT.plus(MINUTE.multipliedBy(2));

        assertThat(reservations.recordCenterCancellation(pending.id(), at)).contains(pending);
        assertThat(reservations.recordCenterCancellation(rejected.id(), at)).contains(rejected);
        assertThat(reservations.recordCenterCancellation(asked.id(), at)).contains(asked);
        assertThat(reservations.recordCenterCancellation(ReservationId.random(), at)).isEmpty();
    }

    private Reservation create(Instant requestedAt) {
        Reservation request = pending(patient, START, requestedAt);
        reservations.create(request, Optional.empty());
        return request;
    }
}
