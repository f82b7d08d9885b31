package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.CLAIM;
import static com.medicarewizard.table.layout.ItemLayout.OWNER;
import static com.medicarewizard.table.layout.ItemLayout.RESOURCE_ID;
import static com.medicarewizard.table.layout.ItemLayout.START;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link SlotLedger} on the item table: one claim item per resource cell ({@code pk=CLAIM#<resource>},
 * {@code sk=<cell start>}), each put claim-if-absent-or-mine
 * ({@code attribute_not_exists(pk) OR owner = :me}). Cells are claimed one by one rather than in
 * one transaction because an exam can need more cells than a transaction takes (100); a conflict
 * is undone by releasing this owner's cells of the call (delete if {@code owner = :me}).
 * Availability reads query the claim partitions by sort-key range, keys only.
 */
public final class TableSlotLedger implements SlotLedger {

    private final ItemTable table;

    public TableSlotLedger(ItemTable table) {
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
        SortRange range = range(from, to);
        for (ResourceId resource : resources) {
            for (Item item : table.query(Query.table(ItemKeys.claim(resource), range))) {
                held.put(new Cell(resource, ItemKeys.instant(item.string(START))), new ReservationId(item.string(OWNER)));
            }
        }
        return held;
    }

    @Override
    public TakenCells taken(Collection<ResourceId> resources, Instant from, Instant to) {
        TakenCells.Builder taken = TakenCells.builder();
        if (from.isBefore(to)) {
            SortRange range = range(from, to);
            for (ResourceId resource : resources) {
                // A claim's sort key is its cell's start, so the items themselves need not be read.
                for (String start : table.querySortKeys(ItemKeys.claim(resource), range)) {
                    taken.add(resource, ItemKeys.epochSecond(start));
                }
            }
        }
        return taken.build();
    }

    /** {@code [from, to)}: BETWEEN is inclusive, so up to the last instant before {@code to}. */
    private static SortRange range(Instant from, Instant to) {
        return SortRange.between(ItemKeys.instant(from), ItemKeys.instant(to.minusNanos(1)));
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
