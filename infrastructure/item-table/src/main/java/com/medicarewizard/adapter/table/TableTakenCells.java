package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.TAKEN;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.port.TakenCellsSummary;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link TakenCellsSummary} on the item table: one item per resource and UTC day
 * ({@code pk=TAKEN#<resource>}, {@code sk=<yyyy-MM-dd>}) holding an attribute per taken cell
 * ({@code c0930 = true}). Marking a cell taken is one UpdateItem SET of its attribute (creating the day's
 * item when needed); marking it free one UpdateItem REMOVE of it, only if the day's item exists, so
 * freeing never creates an item (a day whose last cell is freed keeps its keys alone). Neither reads first: each is atomic on its own attribute,
 * which is what makes the changes of different cells commute.
 *
 * <p>A month of one resource is one query of about 32 items of a few hundred bytes, where the ledger
 * reads one claim item per cell: a month of 12 resources reads tens of read units instead of hundreds.
 * Availability's reads are eventually consistent (half the units) and the queries of the resources
 * are issued at once ({@link ItemTable#queryAll}), so a month costs one round trip rather than one per
 * resource.
 */
public final class TableTakenCells implements TakenCellsSummary {
    private final ItemTable table;

    public TableTakenCells(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void markTaken(Cell cell) {
        table.update(key(cell), Update.set(TYPE, TAKEN).andSet(ItemKeys.takenCell(cell.start()), true), Condition.always());
    }

    @Override
    public void markFree(Cell cell) {
        try {
            table.update(key(cell), Update.remove(ItemKeys.takenCell(cell.start())), Condition.present());
        } catch (ConditionFailedException noSuchDay) {
            // no cell of that day is marked: nothing to free
        }
    }

    @Override
    public TakenCells taken(Collection<ResourceId> resources, Instant from, Instant to) {
        TakenCells.Builder taken = TakenCells.builder();
        if (!from.isBefore(to)) {
            return taken.build();
        }
        List<ResourceId> each = List.copyOf(resources);
        List<List<Item>> answers = table.queryAll(each.stream()
                .map(resource -> query(resource, from, to).eventuallyConsistent()).toList());
        for (int i = 0; i < each.size(); i++) {
            taken.add(each.get(i), starts(answers.get(i), from, to));
        }
        return taken.build();
    }

    @Override
    public Set<Cell> cells(Collection<ResourceId> resources, Instant from, Instant to) {
        Set<Cell> cells = new HashSet<>();
        if (from.isBefore(to)) {
            for (ResourceId resource : resources) {
                for (long start : starts(table.query(query(resource, from, to)), from, to)) {
                    cells.add(new Cell(resource, Instant.ofEpochSecond(start)));
                }
            }
        }
        return cells;
    }

    /** The query of {@code resource}'s day items over {@code [from, to)}. */
    private static Query query(ResourceId resource, Instant from, Instant to) {
        return Query.table(ItemKeys.taken(resource),
                SortRange.between(ItemKeys.takenDay(from), ItemKeys.takenDay(to.minusNanos(1))));
    }

    /** The starts, in epoch seconds, of the cells marked in {@code days} within {@code [from, to)}. */
    private static long[] starts(List<Item> days, Instant from, Instant to) {
        // a cell starts on a whole second: within [from, to) when within [first, end) in seconds
        long first = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
        long end = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        long[] starts = new long[days.stream().mapToInt(day -> day.attributes().size()).sum()];
        int count = 0;
        for (Item day : days) {
            long midnight = ItemKeys.takenDayStart(day.key().sk());
            for (String attribute : day.attributes().keySet()) {
                int second = ItemKeys.takenCellSecondOfDay(attribute);
                long start = midnight + second;
                if (second >= 0 && start >= first && start < end) {
                    starts[count++] = start;
                }
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static Key key(Cell cell) {
        return new Key(ItemKeys.taken(cell.resource()), ItemKeys.takenDay(cell.start()));
    }
}
