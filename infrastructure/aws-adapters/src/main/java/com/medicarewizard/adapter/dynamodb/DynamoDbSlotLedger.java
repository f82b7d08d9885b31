package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.dynamodb.AttributeValues.s;
import static com.medicarewizard.adapter.layout.ItemLayout.CLAIM;
import static com.medicarewizard.adapter.layout.ItemLayout.OWNER;
import static com.medicarewizard.adapter.layout.ItemLayout.PK;
import static com.medicarewizard.adapter.layout.ItemLayout.RESOURCE_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.SK;
import static com.medicarewizard.adapter.layout.ItemLayout.START;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.layout.Attributes;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link SlotLedger} on DynamoDB: one claim item per resource cell ({@code pk=CLAIM#<resource>},
 * {@code sk=<cell start>}), each a conditional PutItem {@code attribute_not_exists(pk) OR owner = :me}.
 * Cell by cell, as the embedded ledger does, because an exam can need more cells than a
 * TransactWriteItems takes (100); a conflict is undone by releasing this owner's cells of the call
 * with DeleteItem {@code owner = :me}. Availability reads are queries of the claim partitions by
 * sort-key range.
 */
public final class DynamoDbSlotLedger implements SlotLedger {

    private final DynamoDbTable table;

    public DynamoDbSlotLedger(DynamoDbTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean claim(ReservationId owner, List<Cell> cells) {
        Condition freeOrMine = Condition.absentOrEquals(OWNER, s(owner.value()));
        for (Cell cell : cells) {
            if (!table.putIf(claimItem(owner, cell), freeOrMine)) {
                // Releases every cell of the call, also those a crashed earlier attempt claimed.
                release(owner, cells);
                return false;
            }
        }
        return true;
    }

    @Override
    public void release(ReservationId owner, List<Cell> cells) {
        for (Cell cell : cells) {
            try {
                table.client().deleteItem(b -> b.tableName(table.name())
                        .key(DynamoDbTable.key(ItemKeys.claim(cell.resource()), ItemKeys.claimSort(cell)))
                        .conditionExpression("#owner = :me")
                        .expressionAttributeNames(Map.of("#owner", OWNER))
                        .expressionAttributeValues(Map.of(":me", s(owner.value()))));
            } catch (ConditionalCheckFailedException notMine) {
                // free, or another reservation's: not ours to release
            }
        }
    }

    @Override
    public Map<Cell, ReservationId> holders(Collection<ResourceId> resources, Instant from, Instant to) {
        Map<Cell, ReservationId> held = new LinkedHashMap<>();
        if (!from.isBefore(to)) {
            return held;
        }
        for (ResourceId resource : resources) {
            for (Attributes item : table.query(range(resource, from, to), Integer.MAX_VALUE)) {
                held.put(new Cell(resource, ItemKeys.instant(item.string(START))), new ReservationId(item.string(OWNER)));
            }
        }
        return held;
    }

    @Override
    public TakenCells taken(Collection<ResourceId> resources, Instant from, Instant to) {
        TakenCells.Builder taken = TakenCells.builder();
        if (from.isBefore(to)) {
            for (ResourceId resource : resources) {
                // A claim's sort key is its cell's start, so only the keys are read.
                Consumer<QueryRequest.Builder> keysOnly = range(resource, from, to)
                        .andThen(b -> b.projectionExpression("#sk").expressionAttributeNames(Map.of("#sk", SK)));
                for (Attributes item : table.query(keysOnly, Integer.MAX_VALUE)) {
                    taken.add(resource, ItemKeys.epochSecond(item.string(SK)));
                }
            }
        }
        return taken.build();
    }

    /** The claims of the resource within {@code [from, to)}: BETWEEN is inclusive, so up to the last instant before {@code to}. */
    private static Consumer<QueryRequest.Builder> range(ResourceId resource, Instant from, Instant to) {
        return b -> b.keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(ItemKeys.claim(resource)),
                        ":from", s(ItemKeys.instant(from)), ":to", s(ItemKeys.instant(to.minusNanos(1)))))
                .consistentRead(true);
    }

    private static Map<String, Object> claimItem(ReservationId owner, Cell cell) {
        return Map.of(PK, ItemKeys.claim(cell.resource()), SK, ItemKeys.claimSort(cell), TYPE, CLAIM,
                RESOURCE_ID, cell.resource().value(), START, ItemKeys.instant(cell.start()), OWNER, owner.value());
    }
}
