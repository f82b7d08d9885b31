package com.medicarewizard.table.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.ItemLayout;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the table adapters rely on from an {@link ItemTable}, run against every implementation (the
 * embedded table, and DynamoDB's wire protocol on a local server), so that an adapter written once
 * behaves the same on both. Items use the layout's index attributes ({@link ItemLayout#PATIENT_ID}
 * and {@link ItemLayout#START} make the byPatient index).
 */
public abstract class ItemTableContract {

    private ItemTable table;

    /** A new, empty table with the indexes of {@link com.medicarewizard.table.layout.TableIndex#ALL}. */
    protected abstract ItemTable newTable();

    @BeforeEach
    void openTable() {
        table = newTable();
    }

    private static Key key(String pk, String sk) {
        return new Key(pk, sk);
    }

    private static Item item(String pk, String sk) {
        return Item.builder(pk, sk).build();
    }

    @Test
    void putIfAbsentWritesOnceAndTheSecondFailsCarryingTheStoredItem() {
        Item first = item("P", "s").with("v", 1L);
        assertThat(table.put(first, Condition.absent())).isEmpty();

        assertThatThrownBy(() -> table.put(item("P", "s").with("v", 2L), Condition.absent()))
                .isInstanceOfSatisfying(ConditionFailedException.class, e -> assertThat(e.current()).contains(first));
        assertThat(table.get(key("P", "s"))).contains(first);
    }

    @Test
    void putReturnsTheItemItReplaced() {
        Item first = item("P", "s").with("v", 1L);
        table.put(first, Condition.always());
        assertThat(table.put(item("P", "s").with("v", 2L), Condition.equals("v", 1L))).contains(first);
    }

    @Test
    void updateCreatesFromTheKeyAndAnswersTheNewItem() {
        Update update = Update.append("log", List.of("a")).andSet("type", "T");
        Item written = table.update(key("P", "s"), update, Condition.always());

        assertThat(written).isEqualTo(item("P", "s").with("log", List.of("a")).with("type", "T"));
        assertThat(table.get(key("P", "s"))).contains(written);
    }

    @Test
    void updateAppendsAddsSetsAndRemoves() {
        table.put(item("P", "s").with("log", List.of("a")).with("n", 2L).with("gone", "x"), Condition.always());

        Item written = table.update(key("P", "s"), new Update(List.of(new Update.AppendToList("log", List.of("b", "c")),
                new Update.AddNumber("n", 3), new Update.RemoveAttribute("gone"), new Update.SetValue("flag", true))),
                Condition.present());

        assertThat(written).isEqualTo(item("P", "s").with("log", List.of("a", "b", "c")).with("n", 5L).with("flag", true));
    }

    @Test
    void aFailedUpdateWritesNothingAndCarriesTheStoredItem() {
        Item stored = item("P", "s").with("v", 1L);
        table.put(stored, Condition.always());

        assertThatThrownBy(() -> table.update(key("P", "s"), Update.set("v", 9L), Condition.equals("v", 2L)))
                .isInstanceOfSatisfying(ConditionFailedException.class, e -> assertThat(e.current()).contains(stored));
        assertThat(table.get(key("P", "s"))).contains(stored);
    }

    @Test
    void aFailedConditionOnAnAbsentItemCarriesNothing() {
        assertThatThrownBy(() -> table.update(key("P", "s"), Update.set("v", 1L), Condition.present()))
                .isInstanceOfSatisfying(ConditionFailedException.class, e -> assertThat(e.current()).isEmpty());
        assertThat(table.get(key("P", "s"))).isEmpty();
    }

    @Test
    void aListsSizeGuardsAWrite() {
        table.put(item("P", "s").with("log", List.of("a", "b")), Condition.always());

        assertThatThrownBy(() -> table.update(key("P", "s"), Update.set("log", List.of()), Condition.sizeEquals("log", 1)))
                .isInstanceOf(ConditionFailedException.class);
        table.update(key("P", "s"), Update.set("log", List.of("c")), Condition.sizeEquals("log", 2));
        assertThat(table.get(key("P", "s")).orElseThrow().strings("log")).containsExactly("c");
    }

    @Test
    void aComparisonWithAMissingAttributeIsFalseAndNotInvertsIt() {
        table.put(item("P", "s"), Condition.always());
        Condition notSent = Condition.absentOr(Condition.not(Condition.equals("state", "SENT")));

        table.put(item("P", "s").with("state", "SENT"), notSent);
        assertThatThrownBy(() -> table.put(item("P", "s").with("state", "PARKED"), notSent))
                .isInstanceOf(ConditionFailedException.class);
        table.put(item("P", "t"), Condition.and(Condition.attributeNotExists("state"), Condition.absent()));
        assertThat(table.get(key("P", "t"))).isPresent();
    }

    @Test
    void deleteReturnsTheOldItemAndAConditionalDeleteOfAnotherOwnersItemFails() {
        Item claim = item("C", "1").with("owner", "ann");
        table.put(claim, Condition.always());

        assertThatThrownBy(() -> table.delete(key("C", "1"), Condition.equals("owner", "bob")))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(table.delete(key("C", "1"), Condition.equals("owner", "ann"))).contains(claim);
        assertThat(table.delete(key("C", "1"), Condition.always())).isEmpty();
    }

    @Test
    void aTransactionWritesAllOrNothingWithAReasonPerWrite() {
        Item taken = item("T", "2").with("owner", "bob");
        table.put(taken, Condition.always());

        assertThatThrownBy(() -> table.transact(List.of(Write.put(item("T", "1"), Condition.absent()),
                Write.put(item("T", "2").with("owner", "ann"), Condition.absent()))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.reasons()).extracting(CancellationReason::code)
                            .containsExactly(CancellationReason.NONE, CancellationReason.CONDITIONAL_CHECK_FAILED);
                    assertThat(e.reasons().get(1).current()).contains(taken);
                });
        assertThat(table.get(key("T", "1"))).isEmpty();

        table.transact(List.of(Write.put(item("T", "1"), Condition.absent()), Write.put(item("T", "3"), Condition.absent())));
        assertThat(table.get(key("T", "3"))).isPresent();
    }

    @Test
    void aTransactionTakesOneToAHundredWritesOnDistinctKeys() {
        assertThatThrownBy(() -> table.transact(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.transact(List.of(Write.put(item("T", "1"), Condition.always()),
                Write.delete(key("T", "1"), Condition.always())))).isInstanceOf(IllegalArgumentException.class);
        List<Write> tooMany = IntStream.range(0, ItemTable.MAX_TRANSACTION_WRITES + 1)
                .mapToObj(i -> Write.put(item("T", "k" + i), Condition.always())).toList();
        assertThatThrownBy(() -> table.transact(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.get(key("T", "k0"))).isEmpty();
    }

    @Test
    void queriesAPartitionBySortRangeInEitherOrderWithALimit() {
        for (String sk : List.of("2026-01", "2026-02", "2026-03", "2027-01")) {
            table.put(item("Q", sk), Condition.always());
        }
        table.put(item("R", "2026-02"), Condition.always());

        assertThat(sortKeys(table.query(Query.table("Q", SortRange.between("2026-02", "2026-12")))))
                .containsExactly("2026-02", "2026-03");
        assertThat(sortKeys(table.query(Query.table("Q", SortRange.beginsWith("2026")).descending().limit(2))))
                .containsExactly("2026-03", "2026-02");
        assertThat(sortKeys(table.query(Query.table("Q", SortRange.between("", "2026-02")))))
                .containsExactly("2026-01", "2026-02");
        assertThat(table.querySortKeys("Q", SortRange.all())).containsExactly("2026-01", "2026-02", "2026-03", "2027-01");
    }

    @Test
    void readsSeveralItemsAtOnceAnsweringEachInTheOrderAsked() {
        table.put(item("G", "a"), Condition.always());
        table.put(item("H", "b"), Condition.always());

        assertThat(table.getAll(List.of(key("H", "b"), key("G", "none"), key("G", "a"))))
                .containsExactly(table.get(key("H", "b")), Optional.empty(), table.get(key("G", "a")));
        List<Key> many = IntStream.range(0, ItemTable.MAX_BATCH_READ).mapToObj(i -> key("G", "k" + i)).toList();
        assertThat(table.getAll(many)).hasSize(ItemTable.MAX_BATCH_READ).allMatch(Optional::isEmpty);
    }

    @Test
    void refusesBatchReadsBatchGetItemRefuses() {
        List<Key> tooMany = IntStream.rangeClosed(0, ItemTable.MAX_BATCH_READ).mapToObj(i -> key("G", "k" + i)).toList();

        assertThatThrownBy(() -> table.getAll(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.getAll(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.getAll(List.of(key("G", "a"), key("G", "a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queriesSeveralPartitionsAtOnceAnsweringEachInTheOrderAsked() {
        for (String pk : List.of("A", "B", "C")) {
            for (int i = 0; i < 3; i++) {
                table.put(item(pk, pk + i), Condition.always());
            }
        }

        List<List<Item>> answers = table.queryAll(List.of(Query.table("C", SortRange.all()).descending(),
                Query.table("A", SortRange.beginsWith("A1")), Query.table("none", SortRange.all()),
                Query.table("B", SortRange.all())));

        assertThat(answers).map(ItemTableContract::sortKeys).containsExactly(List.of("C2", "C1", "C0"), List.of("A1"),
                List.of(), List.of("B0", "B1", "B2"));
        assertThat(table.queryAll(List.of())).isEmpty();
    }

    @Test
    void queriesASparseIndexByItsOwnAttributes() {
        table.put(item("RESERVATION#1", "R").with(ItemLayout.PATIENT_ID, "p1").with(ItemLayout.START, "2026-05"), Condition.always());
        table.put(item("RESERVATION#2", "R").with(ItemLayout.PATIENT_ID, "p1").with(ItemLayout.START, "2026-04"), Condition.always());
        table.put(item("PATIENT#p1", "P").with(ItemLayout.PATIENT_ID, "p1"), Condition.always());

        List<Item> found = table.query(Query.index(ItemLayout.BY_PATIENT, "p1", SortRange.all()));

        assertThat(found).extracting(i -> i.string(ItemLayout.START)).containsExactly("2026-04", "2026-05");
        assertThat(table.query(Query.index(ItemLayout.BY_PATIENT, "p1", SortRange.all()).descending().limit(1)))
                .extracting(Item::key).containsExactly(key("RESERVATION#1", "R"));
    }

    private static List<String> sortKeys(List<Item> items) {
        return items.stream().map(i -> i.key().sk()).toList();
    }
}
