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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * {@link SlotLedger} on the item table: one claim item per resource cell ({@code pk=CLAIM#<resource>},
 * {@code sk=<cell start>}), each put claim-if-absent-or-mine
 * ({@code attribute_not_exists(pk) OR owner = :me}). Cells are claimed one by one rather than in
 * one transaction because an exam can need more cells than a transaction takes (100); a conflict
 * is undone by releasing this owner's cells of the call (delete if {@code owner = :me}). A move's claim
 * also takes over the replaced reservation's cells ({@code ... OR owner = :previous}) and its undo
 * hands them back (a put of {@code owner = :previous} if {@code owner = :me}).
 * Availability reads query the claim partitions by sort-key range, keys only.
 */
public final class TableSlotLedger implements SlotLedger {

    private final ItemTable table;
    private final ToLongFunction<String> startSecond;
    /** Per resource, the claim keys of its last read that had to decode any, with their starts. */
    private final Map<ResourceId, Decoded> decoded = new ConcurrentHashMap<>();

    public TableSlotLedger(ItemTable table) {
        this(table, ItemKeys::epochSecond);
    }

    /** With the decoding of a claim's sort key to its start in epoch seconds given: tests count the decodings. */
    TableSlotLedger(ItemTable table, ToLongFunction<String> startSecond) {
        this.table = Objects.requireNonNull(table, "table");
        this.startSecond = Objects.requireNonNull(startSecond, "startSecond");
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
    public boolean claimFrom(ReservationId owner, ReservationId previous, List<Cell> cells) {
        Condition freeMineOrPrevious = Condition.absentOr(Condition.or(Condition.equals(OWNER, owner.value()),
                Condition.equals(OWNER, previous.value())));
        for (Cell cell : cells) {
            try {
                table.put(claimItem(owner, cell), freeMineOrPrevious);
            } catch (ConditionFailedException taken) {
                handBack(owner, previous, cells);
                return false;
            }
        }
        return true;
    }

    @Override
    public void handBack(ReservationId owner, ReservationId previous, List<Cell> cells) {
        Condition mine = Condition.equals(OWNER, owner.value());
        for (Cell cell : cells) {
            try {
                table.put(claimItem(previous, cell), mine);
            } catch (ConditionFailedException notMine) {
                // free, or another reservation's: not ours to hand back
            }
        }
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
        List<ResourceId> partitions = List.copyOf(resources);
        List<List<Item>> answers = table.queryAll(partitions.stream()
                .map(resource -> Query.table(ItemKeys.claim(resource), range)).toList());
        for (int i = 0; i < partitions.size(); i++) {
            for (Item item : answers.get(i)) {
                held.put(new Cell(partitions.get(i), ItemKeys.instant(item.string(START))),
                        new ReservationId(item.string(OWNER)));
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
                List<String> starts = table.querySortKeys(ItemKeys.claim(resource), range);
                taken.add(resource, startSeconds(resource, starts));
            }
        }
        return taken.build();
    }

    /**
     * The starts of {@code starts} in epoch seconds, those read before reused. An availability
     * answer reads thousands of claims, and decoding their keys meant loading each key's characters
     * from wherever the heap held them: one cache miss after another, which made a month's read cost
     * from 1 to over 4 ms depending on where the collector had put the keys (issue 15). A table that
     * keeps its keys in memory (the embedded one) returns the same key objects until a claim changes,
     * and a string's value never changes, so a key identical to one decoded before has the same
     * seconds: it is recognised by reference, without reading it. DynamoDB returns new strings, which
     * are simply decoded.
     */
    private long[] startSeconds(ResourceId resource, List<String> starts) {
        Decoded before = decoded.get(resource);
        long[] seconds = new long[starts.size()];
        int match = before == null || starts.isEmpty() ? -1 : before.indexOf(starts.getFirst());
        boolean reused = true;
        for (int i = 0; i < seconds.length; i++) {
            String start = starts.get(i);
            if (match >= 0 && match < before.keys.length && before.keys[match] == start) {
                seconds[i] = before.seconds[match++];
            } else if (match >= 0 && match + 1 < before.keys.length && before.keys[match + 1] == start) {
                seconds[i] = before.seconds[match + 1]; // a claim released since
                match += 2;
            } else {
                seconds[i] = startSecond.applyAsLong(start); // a claim made since, or a new key object
                reused = false;
            }
        }
        if (!reused || before == null) {
            // Kept only when something had to be decoded: a shorter read inside a kept one leaves the longer one.
            decoded.put(resource, new Decoded(starts.toArray(String[]::new), seconds));
        }
        return seconds;
    }

    /** The keys of a resource's last decoding read, and their starts in epoch seconds. */
    private record Decoded(String[] keys, long[] seconds) {
        /** Where {@code key} (this very object) is, or -1. Compares references only: reads no key. */
        int indexOf(String key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** {@code [from, to)}: BETWEEN is inclusive, so up to the last instant before {@code to}. */
    private static SortRange range(Instant from, Instant to) {
        return SortRange.between(ItemKeys.instant(from), ItemKeys.instant(to.minusNanos(1)));
    }

    static Key key(Cell cell) {
        return new Key(ItemKeys.claim(cell.resource()), ItemKeys.claimSort(cell));
    }

    static Item claimItem(ReservationId owner, Cell cell) {
        return Item.builder(key(cell))
                .put(TYPE, CLAIM)
                .put(RESOURCE_ID, cell.resource().value())
                .put(START, ItemKeys.instant(cell.start()))
                .put(OWNER, owner.value())
                .build();
    }
}
