package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.domain.PatientMother.patient;
import static com.medicarewizard.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Patients.EmailTakenException;
import com.medicarewizard.port.Reservations.Created;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests racing on one item in DynamoDB: the second transaction is cancelled with
 * {@code TransactionConflict} while the first is under way (which the SDK does not retry), emulated
 * on dynalite. A double-clicked idempotency key answers the first reservation, a racing registration
 * of the same address answers "taken" — after the adapter's retries, or by reading the item again
 * when the conflict outlasts them; a conflict over items still absent is "try again", never a 500.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoDbTransactionConflictIT {

    private static final int FOREVER = 100;
    private final PatientId patientId = PatientId.random();

    @Test
    void aDoubleClickedIdempotencyKeyAnswersTheFirstReservation() {
        Reservation first = pending(patientId);
        var table = DynaliteExtension.freshTableWithConflicts(1,
                racer -> new TableReservations(racer).create(first, Optional.of("double-click")));

        Created second = new TableReservations(table).create(pending(patientId), Optional.of("double-click"));

        assertThat(second).isEqualTo(new Created(first, false));
    }

    @Test
    void aConflictOutlastingTheRetriesStillAnswersTheFirstReservationReadAgain() {
        Reservation first = pending(patientId);
        var table = DynaliteExtension.freshTableWithConflicts(FOREVER,
                racer -> new TableReservations(racer).create(first, Optional.of("double-click")));

        Created second = new TableReservations(table).create(pending(patientId), Optional.of("double-click"));

        assertThat(second).isEqualTo(new Created(first, false));
    }

    @Test
    void aRacingRegistrationOfTheSameAddressFindsItTaken() {
        var table = DynaliteExtension.freshTableWithConflicts(1,
                racer -> new TablePatients(racer).register(patient("racing@example.org")));

        assertThatThrownBy(() -> new TablePatients(table).register(patient("racing@example.org")))
                .isInstanceOf(EmailTakenException.class);
    }

    @Test
    void aRacingRegistrationOutlastingTheRetriesFindsTheAddressTakenReadAgain() {
        var table = DynaliteExtension.freshTableWithConflicts(FOREVER,
                racer -> new TablePatients(racer).register(patient("racing@example.org")));

        assertThatThrownBy(() -> new TablePatients(table).register(patient("racing@example.org")))
                .isInstanceOf(EmailTakenException.class);
    }

    @Test
    void aConflictThatPassesIsRetriedAndTheRegistrationGoesThrough() {
        var maria = patient("maria.rossi@example.org");
        var table = DynaliteExtension.freshTableWithConflicts(2, racer -> { });

        new TablePatients(table).register(maria);

        assertThat(new TablePatients(table).byEmail(maria.email())).contains(maria);
    }

    @Test
    void aConflictOverItemsStillAbsentIsTryAgainNotAFailure() {
        Reservation mine = pending(patientId);
        // the racer holds the items (a transaction under way) but leaves nothing: conflicts over absent items
        var table = DynaliteExtension.freshTableWithConflicts(FOREVER, racer -> { });

        assertThatThrownBy(() -> new TableReservations(table).create(mine, Optional.of("held")))
                .isInstanceOf(ContendedWriteException.class);
        assertThat(new TableReservations(table).find(mine.id())).isEmpty();
    }
}
