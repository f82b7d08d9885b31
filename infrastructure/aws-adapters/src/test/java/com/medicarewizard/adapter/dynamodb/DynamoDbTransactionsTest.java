package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TablePatients;
import static com.medicarewizard.domain.PatientMother.patient;
import static com.medicarewizard.domain.ReservationMother.REQUESTED_AT;
import static com.medicarewizard.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.ReservationRecords;
import com.medicarewizard.table.layout.TableIndex;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Patients.EmailTakenException;
import com.medicarewizard.port.Reservations.ConcurrentChangeException;
import com.medicarewizard.port.Reservations.Created;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The TransactWriteItems requests of the adapters that need one (dynalite has no transactions, so
 * their contract suites run there on an emulation) and how a cancelled transaction is read, on a
 * fake client answering as DynamoDB documents it.
 */
class DynamoDbTransactionsTest {

    private static final String TABLE = "mcw-test";
    private final List<TransactWriteItemsRequest> sent = new ArrayList<>();
    private final PatientId patientId = PatientId.random();

    @Test
    void createsAReservationAndItsIdempotencyItemTogetherEachOnlyIfAbsent() {
        Reservation request = pending(patientId);
        Created created = new TableReservations(table(null, Map.of())).create(request, Optional.of("key-1"));

        assertThat(created).isEqualTo(new Created(request, true));
        List<Put> puts = puts(sent.getFirst());
        assertThat(puts).hasSize(2).allSatisfy(DynamoDbTransactionsTest::isPutIfAbsentAskingForTheOldItem);
        assertThat(puts.get(0).item()).isEqualTo(AttributeValues.toDynamo(ReservationRecords.item(request)));
        assertThat(puts.get(1).item()).containsEntry("pk", AttributeValue.fromS(ItemKeys.idempotency(patientId, "key-1")))
                .containsEntry("reservationId", AttributeValue.fromS(request.id().value()))
                .containsEntry("expiresAt", AttributeValue.fromN(
                        Long.toString(REQUESTED_AT.plus(Duration.ofDays(1)).getEpochSecond())));
    }

    @Test
    void aSeenIdempotencyKeyAnswersTheFirstReservation() {
        Reservation first = pending(patientId);
        Map<String, AttributeValue> seen = AttributeValues.toDynamo(ExpiringRecords.idempotency(first, "key-1"));
        DynamoDbItemTable table = table(canceled(reason("None", Map.of()), reason("ConditionalCheckFailed", seen)),
                AttributeValues.toDynamo(ReservationRecords.item(first)));

        Created again = new TableReservations(table).create(pending(patientId), Optional.of("key-1"));

        assertThat(again).isEqualTo(new Created(first, false));
    }

    @Test
    void anExistingReservationIdIsAConcurrentChangeCarryingIt() {
        Reservation stored = pending(patientId);
        Map<String, AttributeValue> old = AttributeValues.toDynamo(ReservationRecords.item(stored));
        DynamoDbItemTable table = table(canceled(reason("ConditionalCheckFailed", old), reason("None", Map.of())), Map.of());

        assertThatThrownBy(() -> new TableReservations(table).create(stored, Optional.of("key-2")))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.current()).contains(stored));
    }

    @Test
    void registersAPatientAndTheOwnerOfTheAddressTogetherEachOnlyIfAbsent() {
        Patient maria = patient("maria.rossi@example.org");
        new TablePatients(table(null, Map.of())).register(maria);

        List<Put> puts = puts(sent.getFirst());
        assertThat(puts).hasSize(2).allSatisfy(DynamoDbTransactionsTest::isPutIfAbsentAskingForTheOldItem);
        assertThat(puts.get(0).item()).containsEntry("pk", AttributeValue.fromS(ItemKeys.patient(maria.id())))
                .containsEntry("taxCode", AttributeValue.fromS(maria.taxCode().value()));
        assertThat(puts.get(1).item()).containsEntry("pk", AttributeValue.fromS(ItemKeys.email(maria.email())))
                .containsEntry("patientId", AttributeValue.fromS(maria.id().value()));
    }

    @Test
    void aTakenAddressCancelsTheRegistration() {
        DynamoDbItemTable table = table(canceled(reason("None", Map.of()), reason("ConditionalCheckFailed", Map.of())), Map.of());
        assertThatThrownBy(() -> new TablePatients(table).register(patient("taken@example.org")))
                .isInstanceOf(EmailTakenException.class);
    }

    @Test
    void aThrottledTransactionIsABusyTableNotAFailure() {
        DynamoDbItemTable table = table(canceled(reason("None", Map.of()), reason("ThrottlingError", Map.of())), Map.of());
        // nothing was written and nothing is known about the items: "try again in a moment" (503), not a 500
        assertThatThrownBy(() -> new TablePatients(table).register(patient("busy@example.org")))
                .isInstanceOf(ContendedWriteException.class);
        assertThatThrownBy(() -> new TableReservations(table).create(pending(patientId), Optional.of("key-4")))
                .isInstanceOf(ContendedWriteException.class);
        assertThat(sent).as("tried once each: the SDK's retries already met the throttling").hasSize(2);
    }

    @Test
    void anyOtherCancellationIsNotMistakenForATakenAddress() {
        DynamoDbItemTable table = table(canceled(reason("None", Map.of()), reason("ValidationError", Map.of())), Map.of());
        // a request DynamoDB refuses says nothing about the items: the SDK's exception, tried once
        assertThatThrownBy(() -> new TablePatients(table).register(patient("busy@example.org")))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aTransactionMeetingAnotherIsTriedAgainTheSameABoundedNumberOfTimes() {
        DynamoDbItemTable table = table(canceled(reason("None", Map.of()), reason("TransactionConflict", Map.of())), Map.of());
        // the address item reads absent every time: undecided, so "try again", not a 500
        assertThatThrownBy(() -> new TablePatients(table).register(patient("busy@example.org")))
                .isInstanceOf(ContendedWriteException.class);
        assertThat(sent).hasSize(DynamoDbTransactions.ATTEMPTS).allSatisfy(r -> assertThat(r).isEqualTo(sent.getFirst()));
    }

    @Test
    void aConflictThatPassesCommitsOnTheNextAttempt() {
        DynamoDbItemTable table = table(canceled(reason("TransactionConflict", Map.of()), reason("None", Map.of())),
                Map.of(), 1);
        Reservation request = pending(patientId);

        assertThat(new TableReservations(table).create(request, Optional.of("key-3"))).isEqualTo(new Created(request, true));
        assertThat(sent).hasSize(2);
    }

    private static void isPutIfAbsentAskingForTheOldItem(Put put) {
        assertThat(put.tableName()).isEqualTo(TABLE);
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#n0)");
        assertThat(put.expressionAttributeNames()).isEqualTo(Map.of("#n0", "pk"));
        assertThat(put.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    private static List<Put> puts(TransactWriteItemsRequest request) {
        return request.transactItems().stream().map(TransactWriteItem::put).toList();
    }

    private static CancellationReason reason(String code, Map<String, AttributeValue> item) {
        return CancellationReason.builder().code(code).item(item).build();
    }

    private static TransactionCanceledException canceled(CancellationReason... reasons) {
        return TransactionCanceledException.builder().message("Transaction cancelled").cancellationReasons(reasons)
                .build();
    }

    /** A client whose transactions are recorded and fail with {@code failure} (if any); every GetItem answers {@code stored}. */
    private DynamoDbItemTable table(TransactionCanceledException failure, Map<String, AttributeValue> stored) {
        return table(failure, stored, Integer.MAX_VALUE);
    }

    /** As above, failing only the first {@code failures} transactions; no pause between attempts. */
    private DynamoDbItemTable table(TransactionCanceledException failure, Map<String, AttributeValue> stored,
                                    int failures) {
        return new DynamoDbItemTable(new DynamoDbClient() {
            @Override
            public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
                sent.add(request);
                if (failure != null && sent.size() <= failures) {
                    throw failure;
                }
                return TransactWriteItemsResponse.builder().build();
            }

            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return GetItemResponse.builder().item(stored).build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        }, TABLE, TableIndex.ALL, BackoffStrategy.retryImmediately());
    }
}
