package com.medicarewizard.notifier;

import static com.medicarewizard.notifier.StreamRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.ReservationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** Which stream records are outcomes the patient is told about, read from real stream events. */
class OutcomeChangeTest {

    @Test
    void aNewPendingRequestIsNoOutcome() {
        assertThat(OutcomeChange.of(record("insert-pending"))).isEmpty();
    }

    @Test
    void pendingToConfirmedIsAConfirmationWithTheWholeReservation() {
        OutcomeChange change = OutcomeChange.of(record("modify-confirmed")).orElseThrow();

        assertThat(change.outcome()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(change.reservation().id()).isEqualTo(StreamRecords.RESERVATION);
        assertThat(change.reservation().patient()).isEqualTo(StreamRecords.PATIENT);
        assertThat(change.reservation().start()).isEqualTo(Instant.parse("2030-03-11T09:15:00Z"));
        assertThat(change.reservation().decidedAt()).contains(Instant.parse("2030-03-04T08:00:01.25Z"));
        assertThat(change.reservation().resources()).extracting(r -> r.value()).containsExactly("MRI-1", "RAD-1");
        assertThat(change.reservation().version()).isEqualTo(2);
    }

    @Test
    void aConfirmationStoredAgainIsNoNewOutcome() {
        assertThat(OutcomeChange.of(record("modify-confirmed-restored"))).isEmpty();
    }

    @Test
    void aRejectionCarriesItsReason() {
        OutcomeChange change = OutcomeChange.of(record("modify-rejected")).orElseThrow();

        assertThat(change.outcome()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(change.reservation().reason()).contains(RejectionReason.SLOT_TAKEN);
    }

    @Test
    void aCancellationIsAnOutcome() {
        OutcomeChange change = OutcomeChange.of(record("modify-cancelled")).orElseThrow();

        assertThat(change.outcome()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(change.reservation().cancelledAt()).contains(Instant.parse("2030-03-05T10:00:02Z"));
    }

    @Test
    void anotherItemOfTheTableIsNoOutcome() {
        assertThat(OutcomeChange.of(record("insert-claim"))).isEmpty();
    }

    @Test
    void aMalformedReservationImageIsRefused() {
        assertThatThrownBy(() -> OutcomeChange.of(record("modify-malformed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a well-formed reservation image");
    }
}
