package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.dynamodb.AttributeValues.n;
import static com.medicarewizard.adapter.dynamodb.AttributeValues.s;
import static com.medicarewizard.adapter.layout.ItemLayout.BY_DECISION;
import static com.medicarewizard.adapter.layout.ItemLayout.BY_PATIENT;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.IDEMPOTENCY;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.REQUESTED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION;
import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.VERSION;

import com.medicarewizard.adapter.layout.Attributes;
import com.medicarewizard.adapter.layout.ExpiringRecords;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.adapter.layout.ReservationRecords;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.Reservations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link Reservations} on DynamoDB (layout: {@link com.medicarewizard.adapter.layout.ItemLayout}). A
 * request and its idempotency item are written by one TransactWriteItems, each Put only if absent,
 * so a retried request can never create a second reservation; updates are puts conditional on the
 * stored version. A failed condition asks for the stored item (ALL_OLD) to answer what is there.
 * The patient's reservations, the pending ones and the recent decisions are read from the
 * byPatient, pending and byDecision indexes (eventually consistent, as GSIs are).
 */
public final class DynamoDbReservations implements Reservations {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private final DynamoDbTable table;

    public DynamoDbReservations(DynamoDbTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Created create(Reservation pending, Optional<String> idempotencyKey) {
        Map<String, Object> reservation = ReservationRecords.attributes(pending);
        if (idempotencyKey.isEmpty()) {
            table.putOrCurrent(reservation, Condition.ABSENT).ifPresent(current -> {
                throw alreadyThere(pending.id(), current);
            });
            return new Created(pending, true);
        }
        try {
            table.client().transactWriteItems(createRequest(pending, idempotencyKey.get()));
            return new Created(pending, true);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 1 && CONDITIONAL_CHECK_FAILED.equals(reasons.get(1).code())) {
                String pk = ItemKeys.idempotency(pending.patient(), idempotencyKey.get());
                return new Created(firstFor(table.current(reasons.get(1).item(), pk, IDEMPOTENCY)), false);
            }
            if (!reasons.isEmpty() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                throw alreadyThere(pending.id(), table.current(reasons.get(0).item(), ItemKeys.reservation(pending.id()),
                        RESERVATION));
            }
            throw e;
        }
    }

    /** The reservation and its idempotency item, each put only if absent, in one transaction. */
    TransactWriteItemsRequest createRequest(Reservation pending, String idempotencyKey) {
        return TransactWriteItemsRequest.builder().transactItems(
                transactPut(ReservationRecords.attributes(pending)),
                transactPut(ExpiringRecords.idempotency(pending, idempotencyKey))).build();
    }

    private TransactWriteItem transactPut(Map<String, Object> item) {
        return TransactWriteItem.builder()
                .put(Condition.ABSENT.transactionPut(table.name(), AttributeValues.toDynamo(item))).build();
    }

    private Reservation firstFor(Optional<Attributes> idempotencyItem) {
        ReservationId first = new ReservationId(idempotencyItem.orElseThrow().string(RESERVATION_ID));
        // Written in the same transaction as its reservation, so that one is there.
        return find(first).orElseThrow(() -> new IllegalStateException("idempotency item without reservation " + first));
    }

    private static ConcurrentChangeException alreadyThere(ReservationId id, Optional<Attributes> current) {
        return new ConcurrentChangeException(id, current.map(ReservationRecords::reservation));
    }

    @Override
    public Optional<Reservation> find(ReservationId id) {
        return table.get(ItemKeys.reservation(id), RESERVATION).map(ReservationRecords::reservation);
    }

    @Override
    public List<Reservation> ofPatient(PatientId patient) {
        return table.query(b -> b.indexName(BY_PATIENT).keyConditionExpression("#p = :p")
                        .expressionAttributeNames(Map.of("#p", PATIENT_ID))
                        .expressionAttributeValues(Map.of(":p", s(patient.value())))
                        .scanIndexForward(false), Integer.MAX_VALUE)
                .stream().map(ReservationRecords::reservation).toList();
    }

    @Override
    public Reservation update(Reservation next) {
        Reservation stored = next.withVersion(next.version() + 1);
        table.putOrCurrent(ReservationRecords.attributes(stored), Condition.equals(VERSION, n(next.version())))
                .ifPresent(current -> {
                    throw alreadyThere(next.id(), current);
                });
        return stored;
    }

    @Override
    public List<Reservation> pendingSince(Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return table.query(b -> b.indexName(PENDING_INDEX).keyConditionExpression("#p = :p AND #at < :before")
                        .expressionAttributeNames(Map.of("#p", PENDING, "#at", REQUESTED_AT))
                        .expressionAttributeValues(Map.of(":p", s(PENDING_PARTITION), ":before", s(ItemKeys.instant(before))))
                        .scanIndexForward(true), limit)
                .stream().map(ReservationRecords::reservation).toList();
    }

    @Override
    public List<Reservation> decidedSince(Instant since) {
        return table.query(b -> b.indexName(BY_DECISION).keyConditionExpression("#d = :d AND #at >= :since")
                        .expressionAttributeNames(Map.of("#d", DECIDED, "#at", DECIDED_AT))
                        .expressionAttributeValues(Map.of(":d", s(DECIDED_PARTITION), ":since", s(ItemKeys.instant(since))))
                        .scanIndexForward(true), Integer.MAX_VALUE)
                .stream().map(ReservationRecords::reservation).toList();
    }
}
