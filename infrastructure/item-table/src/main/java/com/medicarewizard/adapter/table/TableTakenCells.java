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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * {@link TakenCellsSummary} on the item table: one item per resource and UTC day
 * ({@code pk=TAKEN#<resource>}, {@code sk=<yyyy-MM-dd>}) holding an attribute per taken cell
 * ({@code c0930 = true}). Marking a cell taken is one UpdateItem SET of its attribute (creating the day's
 * item when needed); marking it free one UpdateItem REMOVE of it, only if the day's item exists, so
 * freeing never leaves an empty item behind. Neither reads first: each is atomic on its own attribute,
 * which is what makes the changes of different cells commute.
 *
 * <p>A month of one resource is one query of about 32 items of a few hundred bytes, where the ledger
 * reads one claim item per cell: a month of 12 resources reads tens of read units instead of hundreds.
 * Availability's reads are eventually consistent (half the units) and the queries of the resources
 * are issued at once on {@code reads}, so a month costs one round trip rather than one per resource.
 */
public final class TableTakenCells implements TakenCellsSummary {
    private final ItemTable table;
    private final Executor reads;

    /** Reading the resources one after another: for a table in this process, where a query costs no round trip. */
    public TableTakenCells(ItemTable table) {
        this(table, Runnable::run);
    }

    /** Reading the resources' partitions at once on {@code reads} (for DynamoDB: one SDK call per task). */
    public TableTakenCells(ItemTable table, Executor reads) {
        this.table = Objects.requireNonNull(table, "table");
        this.reads = Objects.requireNonNull(reads, "reads");
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
        List<CompletableFuture<long[]>> answers = each.stream()
                .map(resource -> CompletableFuture.supplyAsync(() -> starts(resource, from, to, false), reads)).toList();
        for (int i = 0; i < each.size(); i++) {
            taken.add(each.get(i), joined(answers.get(i)));
        }
        return taken.build();
    }

    @Override
    public Set<Cell> cells(Collection<ResourceId> resources, Instant from, Instant to) {
        Set<Cell> cells = new HashSet<>();
        if (from.isBefore(to)) {
            for (ResourceId resource : resources) {
                for (long start : starts(resource, from, to, true)) {
                    cells.add(new Cell(resource, Instant.ofEpochSecond(start)));
                }
            }
        }
        return cells;
    }

    /** The starts, in epoch seconds, of the marked cells of {@code resource} within {@code [from, to)}. */
    private long[] starts(ResourceId resource, Instant from, Instant to, boolean consistent) {
        Query query = Query.table(ItemKeys.taken(resource),
                SortRange.between(ItemKeys.takenDay(from), ItemKeys.takenDay(to.minusNanos(1))));
        List<Item> days = table.query(consistent ? query : query.eventuallyConsistent());
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

    private static long[] joined(CompletableFuture<long[]> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static Key key(Cell cell) {
        return new Key(ItemKeys.taken(cell.resource()), ItemKeys.takenDay(cell.start()));
    }
}
