package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.embedded.table.ItemChange;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The examples of "DynamoDB read and write operations", "Amazon DynamoDB Transactions: How it
 * works" and "Global secondary indexes" (Provisioned throughput considerations), worked by the
 * rules of {@link CapacityUnits}.
 */
class CapacityUnitsTest {

    private static final int KB = 1024;
    private static final IndexDefinition BY_OWNER = new IndexDefinition("byOwner", "owner", "at");

    /** An item of exactly {@code bytes}: its key and a string attribute {@code data} filling the rest. */
    static Item sized(String pk, String sk, int bytes) {
        int fill = bytes - ("pk" + pk + "sk" + sk + "data").length();
        return Item.builder(pk, sk).put("data", "x".repeat(fill)).build();
    }

    private static Item indexed(String pk, String owner, String at) {
        return Item.builder(pk, "1").put("owner", owner).put("at", at).build();
    }

    private static ItemChange change(Item before, Item after) {
        return new ItemChange(Optional.ofNullable(before), Optional.ofNullable(after));
    }

    @Test
    void readsRoundUpTo4KbAndHalveWhenEventuallyConsistent() {
        assertThat(CapacityUnits.read(3_500, true)).as("3,500 bytes read as 4 KB").isEqualTo(1.0);
        assertThat(CapacityUnits.read(10 * KB, true)).as("10 KB rounds to 12 KB").isEqualTo(3.0);
        assertThat(CapacityUnits.read(8 * KB, true)).isEqualTo(2.0);
        assertThat(CapacityUnits.read(8 * KB, false)).isEqualTo(1.0);
        assertThat(CapacityUnits.read(10 * KB, false)).isEqualTo(1.5);
        assertThat(CapacityUnits.read(3_500, false)).isEqualTo(0.5);
    }

    @Test
    void readingAnItemThatDoesNotExistStillConsumesTheMinimum() {
        assertThat(CapacityUnits.getItem(Optional.empty(), true).table()).isEqualTo(1.0);
        assertThat(CapacityUnits.getItem(Optional.empty(), false).table()).isEqualTo(0.5);
        assertThat(CapacityUnits.query(List.of(), Optional.empty(), false).total()).isEqualTo(0.5);
    }

    @Test
    void aQuerySumsItsItemsAndRoundsUpOnce() {
        List<Item> tenItems = IntStream.range(0, 10).mapToObj(i -> sized("P", "s" + i, 4_178)).toList();
        assertThat(tenItems.stream().mapToInt(ItemSize::of).sum()).as("40.8 KB").isEqualTo(41_780);
        assertThat(CapacityUnits.query(tenItems, Optional.empty(), true).table()).as("44 KB").isEqualTo(11.0);

        List<Item> small = IntStream.range(0, 1500).mapToObj(i -> sized("P", "s" + i, 64)).toList();
        assertThat(CapacityUnits.query(small, Optional.empty(), true).table())
                .as("1500 items of 64 bytes: 96 KB, not 1500 x 4 KB").isEqualTo(24.0);
        assertThat(CapacityUnits.query(small, Optional.empty(), false).table()).isEqualTo(12.0);
    }

    @Test
    void anIndexQueryIsEventuallyConsistentAndChargedToTheIndex() {
        List<Item> eight = IntStream.range(0, 8).mapToObj(i -> sized("P", "s" + i, 2_000)).toList();

        Consumption consumption = CapacityUnits.query(eight, Optional.of("byOwner"), true);

        assertThat(consumption.table()).isZero();
        assertThat(consumption.indexes()).as("16,000 bytes: 0.5 x 16 KB / 4 KB").containsExactly(Map.entry("byOwner", 2.0));
    }

    @Test
    void writesRoundUpTo1KbWithOneUnitAtLeast() {
        assertThat(CapacityUnits.write(500)).isEqualTo(1);
        assertThat(CapacityUnits.write(KB)).isEqualTo(1);
        assertThat(CapacityUnits.write(KB + 1)).isEqualTo(2);
        assertThat(CapacityUnits.write((long) (1.6 * KB))).as("1.6 KB rounds to 2 KB").isEqualTo(2);
        assertThat(CapacityUnits.write(0)).isEqualTo(1);
    }

    @Test
    void aPutOrUpdateIsChargedTheLargerOfTheItemBeforeAndAfterADeleteTheItemDeleted() {
        Item large = sized("A", "1", 3 * KB + 10);
        Item small = sized("A", "1", 100);

        assertThat(CapacityUnits.written(change(large, small), List.of()).table()).isEqualTo(4.0);
        assertThat(CapacityUnits.written(change(small, large), List.of()).table()).isEqualTo(4.0);
        assertThat(CapacityUnits.written(change(large, null), List.of()).table()).isEqualTo(4.0);
        assertThat(CapacityUnits.written(change(null, null), List.of()).table()).as("deleting nothing").isEqualTo(1.0);
    }

    @Test
    void aFailedConditionIsChargedTheLargerOfTheItemAsItIsAndAsTheWriteWouldMakeIt() {
        Item existing = sized("A", "1", 300 * KB);
        Item attempted = sized("A", "1", 310 * KB);

        assertThat(CapacityUnits.failed(CapacityUnits.attempted(Write.put(attempted, Condition.absent()),
                Optional.of(existing))).table()).as("300 KB there, 310 KB attempted: 310").isEqualTo(310.0);
        assertThat(CapacityUnits.failed(CapacityUnits.attempted(Write.delete(new Key("A", "1"), Condition.present()),
                Optional.empty())).table()).as("no item: one unit").isEqualTo(1.0);
        Write grow = Write.update(new Key("A", "1"), Update.set("more", "y".repeat(2 * KB)), Condition.absent());
        assertThat(CapacityUnits.failed(CapacityUnits.attempted(grow, Optional.of(sized("A", "1", 500)))).table())
                .isEqualTo(3.0);
        assertThat(CapacityUnits.failed(CapacityUnits.attempted(Write.update(new Key("A", "1"), Update.add("data", 1),
                Condition.absent()), Optional.of(sized("A", "1", 1_500)))).table())
                .as("an update the item refuses: the item as it is").isEqualTo(2.0);
    }

    @Test
    void aTransactionWritesEveryItemTwiceAConditionCheckIncluded() {
        List<ItemChange> threeSmallPuts = IntStream.range(0, 3)
                .mapToObj(i -> change(null, sized("T", "s" + i, 500))).toList();
        assertThat(CapacityUnits.transaction(threeSmallPuts, List.of()).table())
                .as("three 500-byte items: six units").isEqualTo(6.0);

        Item checked = sized("C", "1", 1_500);
        assertThat(CapacityUnits.transaction(List.of(change(checked, checked)), List.of()).table()).isEqualTo(4.0);
    }

    @Test
    void aCancelledTransactionIsChargedByItsItemsAsTheyAre() {
        Item checked = sized("C", "1", 1_500);
        List<Write> writes = List.of(Write.put(sized("T", "1", 500), Condition.absent()),
                Write.update(new Key("T", "2"), Update.set("note", "x"), Condition.always()),
                Write.check(checked.key(), Condition.absent()));
        List<CancellationReason> reasons = List.of(CancellationReason.none(), CancellationReason.none(),
                CancellationReason.failed(Optional.of(checked)));
        Map<Key, Item> stored = Map.of(new Key("T", "2"), sized("T", "2", 2_500));

        Consumption cancelled = CapacityUnits.cancelled(writes, reasons, key -> Optional.ofNullable(stored.get(key)));

        assertThat(cancelled.table()).as("2 x (1 + 3 + 2)").isEqualTo(12.0);
        assertThat(cancelled.indexes()).isEmpty();
        assertThat(CapacityUnits.cancelled(writes, List.of(), key -> Optional.empty()).table())
                .as("met another transaction first: every item read").isEqualTo(2.0 * (1 + 1 + 1));
    }

    @Test
    void anIndexIsWrittenOnceWhenAnItemEntersOrLeavesItTwiceWhenItsIndexKeyChanges() {
        Item in = indexed("A", "ann", "t1");
        Item out = Item.builder("A", "1").put("owner", "ann").build();

        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(null, in))).as("enters").isEqualTo(1);
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(out, in))).as("enters").isEqualTo(1);
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(in, null))).as("leaves").isEqualTo(1);
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(in, out))).as("leaves").isEqualTo(1);
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(in, indexed("A", "bob", "t1")))).as("key").isEqualTo(2);
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(in, in.with("note", "x")))).as("same key").isEqualTo(1);
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(in, in))).as("nothing changed").isZero();
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(out, out.with("note", "x")))).as("never in").isZero();
        assertThat(CapacityUnits.indexWrites(BY_OWNER, change(null, in.with("data", "x".repeat(2 * KB)))))
                .as("an entry of over 2 KB").isEqualTo(3);
    }

    @Test
    void aWriteCountsItsIndexMaintenanceApartAndAFailedOneNone() {
        Consumption written = CapacityUnits.written(change(null, indexed("A", "ann", "t1")), List.of(BY_OWNER));
        assertThat(written.table()).isEqualTo(1.0);
        assertThat(written.indexes()).containsExactly(Map.entry("byOwner", 1.0));
        assertThat(written.total()).isEqualTo(2.0);

        Consumption transaction = CapacityUnits.transaction(List.of(change(null, indexed("A", "ann", "t1")),
                change(null, indexed("B", "bob", "t1"))), List.of(BY_OWNER));
        assertThat(transaction.table()).isEqualTo(4.0);
        assertThat(transaction.indexes()).as("at the standard rate").containsExactly(Map.entry("byOwner", 2.0));

        assertThat(CapacityUnits.failed(change(null, indexed("A", "ann", "t1"))).indexes()).isEmpty();
    }
}
