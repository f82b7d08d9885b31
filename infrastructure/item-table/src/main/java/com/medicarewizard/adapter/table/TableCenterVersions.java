package com.medicarewizard.adapter.table;

import com.medicarewizard.adapter.json.CenterJson;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.CenterVersions;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.AuditRecords;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.ItemLayout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link CenterVersions} on the item table: partition {@value ItemLayout#CENTER}, one item per version
 * (sort key {@code V#<number, 12 digits>}: the center document and when it was saved) and the pointer
 * {@code CURRENT} (the current number). A save is one transaction: the pointer moved on condition of the
 * number it was made from, the new version put if absent, the audit entry put. The seed needs no transaction.
 */
public final class TableCenterVersions implements CenterVersions {
    static final String CURRENT = "CURRENT";
    static final String NUMBER = "number";
    static final String DOCUMENT = "document";
    static final String SAVED_AT = "savedAt";
    private final ItemTable table;

    public TableCenterVersions(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    private static Key pointer() {
        return new Key(ItemLayout.CENTER, CURRENT);
    }

    private static Key versionKey(long number) {
        return new Key(ItemLayout.CENTER, "V#%012d".formatted(number));
    }

    @Override
    public Optional<Version> current() {
        OptionalLong number = currentNumber();
        return number.isEmpty() ? Optional.empty() : find(number.getAsLong());
    }

    @Override
    public OptionalLong currentNumber() {
        return table.get(pointer()).map(item -> OptionalLong.of(item.longValue(NUMBER))).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<Version> find(long number) {
        return table.get(versionKey(number)).map(item -> new Version(item.longValue(NUMBER),
                CenterJson.read(item.string(DOCUMENT), "version " + number + " of the center in the table"),
                ItemKeys.instant(item.string(SAVED_AT))));
    }

    /**
     * Two single-item writes, each only if absent, version 1 first: no transaction, so that a function's
     * first use needs nothing a table without transactions lacks. Whoever seeds (several functions may at
     * once) writes the same document; a seed stopped between the two writes is finished by the next.
     */
    @Override
    public Version seed(Center center, Instant at) {
        try {
            table.put(version(1, center, at), Condition.absent());
        } catch (ConditionFailedException seededAlready) {
            // version 1 is there: only the pointer may be missing
        }
        try {
            table.put(Item.builder(pointer()).put(ItemLayout.TYPE, ItemLayout.CENTER).put(NUMBER, 1L).build(),
                    Condition.absent());
        } catch (ConditionFailedException pointedAlready) {
            // seeded, and perhaps changed since: the current version stands
        }
        return current().orElseThrow();
    }

    @Override
    public Optional<Version> save(long expected, Center next, Instant at, AuditEntry audit) {
        try {
            table.transact(List.of(
                    Write.update(pointer(), Update.set(NUMBER, expected + 1), Condition.equals(NUMBER, expected)),
                    Write.put(version(expected + 1, next, at), Condition.absent()),
                    Write.put(AuditRecords.item(audit), Condition.absent())));
            return Optional.of(new Version(expected + 1, next, at));
        } catch (TransactionCanceledException e) {
            if (e.reasons().stream().anyMatch(CancellationReason::conditionFailed)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Item version(long number, Center center, Instant at) {
        return Item.builder(versionKey(number)).put(ItemLayout.TYPE, ItemLayout.CENTER).put(NUMBER, number)
                .put(DOCUMENT, CenterJson.write(center)).put(SAVED_AT, ItemKeys.instant(at)).build();
    }
}
