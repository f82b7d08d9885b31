package com.medicarewizard.adapter.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The availability read of {@link TableSlotLedger}: a table that keeps its keys in memory returns
 * the same key objects until a claim changes, and those are not decoded again (issue 15: decoding
 * meant a cache miss per key, and a month's read cost 1 to 4 ms with where the heap held the keys).
 */
class TableSlotLedgerReadTest {
    private static final ResourceId SCANNER = new ResourceId("SCAN-1");
    private static final Instant MONTH = Instant.parse("2027-02-01T00:00:00Z");
    private static final Duration CELL = Cell.SIZE;

    private final KeysInMemory table = new KeysInMemory();
    private final AtomicInteger decodings = new AtomicInteger();
    private final TableSlotLedger ledger = new TableSlotLedger(table, key -> {
        decodings.incrementAndGet();
        return ItemKeys.epochSecond(key);
    });

    @Test
    void claimsReadBeforeAreNotDecodedAgainAndOnlyChangedOnesAre() {
        for (int i = 0; i < 1_000; i += 2) {
            table.add(MONTH.plus(CELL.multipliedBy(i)));
        }
        Instant to = MONTH.plus(Duration.ofDays(31));
        assertSameCells(ledger.taken(List.of(SCANNER), MONTH, to), MONTH, to);
        assertThat(decodings.getAndSet(0)).isEqualTo(500);

        assertSameCells(ledger.taken(List.of(SCANNER), MONTH, to), MONTH, to);
        assertThat(decodings.getAndSet(0)).as("the same keys again").isZero();

        Instant week = MONTH.plus(Duration.ofDays(1));
        assertSameCells(ledger.taken(List.of(SCANNER), week, week.plus(Duration.ofDays(7))), week,
                week.plus(Duration.ofDays(7)));
        assertThat(decodings.getAndSet(0)).as("a part of the keys read before").isZero();

        table.add(MONTH.plus(CELL.multipliedBy(101)));
        assertSameCells(ledger.taken(List.of(SCANNER), MONTH, to), MONTH, to);
        assertThat(decodings.getAndSet(0)).as("one claim made since").isEqualTo(1);

        table.remove(MONTH.plus(CELL.multipliedBy(200)));
        assertSameCells(ledger.taken(List.of(SCANNER), MONTH, to), MONTH, to);
        assertThat(decodings.getAndSet(0)).as("one claim released since").isZero();
    }

    @Test
    void keysOfEqualValueButNewObjectsAreDecodedAndAnswerTheSame() {
        for (int i = 0; i < 100; i++) {
            table.add(MONTH.plus(CELL.multipliedBy(3L * i)));
        }
        Instant to = MONTH.plus(Duration.ofDays(2));
        ledger.taken(List.of(SCANNER), MONTH, to);
        table.renewKeyObjects(); // as DynamoDB answers: new strings every time
        decodings.set(0);
        assertSameCells(ledger.taken(List.of(SCANNER), MONTH, to), MONTH, to);
        assertThat(decodings.get()).isEqualTo(100);
    }

    @Test
    void randomClaimsReleasesAndReadsAnswerAsAFreshDecodingWould() {
        Random random = new Random(15);
        for (int step = 0; step < 2_000; step++) {
            Instant cell = MONTH.plus(CELL.multipliedBy(random.nextInt(600)));
            if (random.nextBoolean()) {
                table.add(cell);
            } else {
                table.remove(cell);
            }
            if (step % 7 == 0) {
                Instant from = MONTH.plus(CELL.multipliedBy(random.nextInt(600)));
                Instant to = from.plus(CELL.multipliedBy(1 + random.nextInt(300)));
                assertSameCells(ledger.taken(List.of(SCANNER), from, to), from, to);
            }
        }
    }

    /** Every cell of {@code [from, to)} is free exactly when the table holds no claim for it. */
    private void assertSameCells(TakenCells taken, Instant from, Instant to) {
        for (Instant t = from; t.isBefore(to); t = t.plus(CELL)) {
            assertThat(taken.isFree(SCANNER, new Occupancy(t, t.plus(CELL)))).as(t.toString())
                    .isEqualTo(!table.holds(t));
        }
    }

    /** Claim keys of one resource in memory, returned as the same objects until changed. */
    private static final class KeysInMemory implements ItemTable {
        private final TreeMap<String, String> keys = new TreeMap<>();

        void add(Instant start) {
            String key = ItemKeys.instant(start);
            keys.putIfAbsent(key, key);
        }

        void remove(Instant start) {
            keys.remove(ItemKeys.instant(start));
        }

        boolean holds(Instant start) {
            return keys.containsKey(ItemKeys.instant(start));
        }

        void renewKeyObjects() {
            new ArrayList<>(keys.keySet()).forEach(key -> keys.put(key, new String(key.toCharArray())));
        }

        @Override
        public List<String> querySortKeys(String pk, SortRange range) {
            assertThat(pk).isEqualTo(ItemKeys.claim(SCANNER));
            SortRange.Between between = (SortRange.Between) range;
            return new ArrayList<>(keys.subMap(between.from(), true, between.to(), true).values());
        }

        @Override
        public Optional<Item> get(Key key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Item> put(Item item, Condition condition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Item update(Key key, Update update, Condition condition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Item> delete(Key key, Condition condition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void transact(List<Write> writes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Item> query(Query query) {
            throw new UnsupportedOperationException();
        }
    }
}
