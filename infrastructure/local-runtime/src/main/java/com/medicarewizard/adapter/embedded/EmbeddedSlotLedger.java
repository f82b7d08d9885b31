package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.CLAIM;
import static com.medicarewizard.adapter.layout.ItemLayout.OWNER;
import static com.medicarewizard.adapter.layout.ItemLayout.RESOURCE_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.START;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.ConditionFailedException;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.embedded.table.SortRange;
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

/**
 * {@link SlotLedger} on the embedded table: one claim item per resource cell
 * ({@code pk=CLAIM#<resource>}, {@code sk=<cell start>}), each written claim-if-absent-or-mine.
 * Cells are claimed one by one rather than in one transaction because an exam can need more
 * cells than a DynamoDB transaction takes (100), and the DynamoDB adapter must behave the same;
 * a conflict is undone by releasing this owner's cells of the call.
 */
public final class EmbeddedSlotLedger implements SlotLedger {

    private final EmbeddedTable table;

    public EmbeddedSlotLedger(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean claim(ReservationId owner, List<Cell> cells) {
        Condition freeOrMine = Condition.absentOr(Condition.equals(OWNER, owner.value()));
        for (Cell cell : cells) {
            try {
                table.put(claimItem(owner, cell), freeOrMine);
            } catch (ConditionFailedException taken) {
                // Releases every cell of the call, also those a crashed earlier attempt claimed.
                release(owner, cells);
                return false;
            }
        }
        return true;
    }

    @Override
    public void release(ReservationId owner, List<Cell> cells) {
        Condition mine = Condition.equals(OWNER, owner.value());
        for (Cell cell : cells) {
            try {
                table.delete(key(cell), mine);
            } catch (ConditionFailedException notMine) {
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
        // BETWEEN is inclusive: the last instant before {@code to} makes the range [from, to).
        SortRange range = SortRange.between(ItemKeys.instant(from), ItemKeys.instant(to.minusNanos(1)));
        for (ResourceId resource : resources) {
            for (Item item : table.query(ItemKeys.claim(resource), range, Integer.MAX_VALUE, true)) {
                held.put(new Cell(resource, ItemKeys.instant(item.string(START))), new ReservationId(item.string(OWNER)));
            }
        }
        return held;
    }

    @Override
    public TakenCells taken(Collection<ResourceId> resources, Instant from, Instant to) {
        TakenCells.Builder taken = TakenCells.builder();
        if (from.isBefore(to)) {
            SortRange range = SortRange.between(ItemKeys.instant(from), ItemKeys.instant(to.minusNanos(1)));
            for (ResourceId resource : resources) {
                // A claim's sort key is its cell's start, so the items themselves need not be read.
                for (String start : table.querySortKeys(ItemKeys.claim(resource), range)) {
                    taken.add(resource, ItemKeys.epochSecond(start));
                }
            }
        }
        return taken.build();
    }

    private static Key key(Cell cell) {
        return new Key(ItemKeys.claim(cell.resource()), ItemKeys.claimSort(cell));
    }

    private static Item claimItem(ReservationId owner, Cell cell) {
        return Item.builder(key(cell))
                .put(TYPE, CLAIM)
                .put(RESOURCE_ID, cell.resource().value())
                .put(START, ItemKeys.instant(cell.start()))
                .put(OWNER, owner.value())
                .build();
    }
}
