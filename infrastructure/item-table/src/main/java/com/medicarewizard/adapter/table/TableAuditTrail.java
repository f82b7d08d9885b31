package com.medicarewizard.adapter.table;

import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.layout.AuditRecords;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link AuditTrail} on the item table ({@link AuditRecords}): a span is read one UTC day's partition at a
 * time, oldest first, stopping at {@value AuditTrail#MAX_READ} entries.
 */
public final class TableAuditTrail implements AuditTrail {

    /** The longest span one read covers: a query per day. */
    public static final int MAX_DAYS = 93;
    private final ItemTable table;

    public TableAuditTrail(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void record(AuditEntry entry) {
        table.put(AuditRecords.item(entry), Condition.absent());
    }

    @Override
    public List<AuditEntry> between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        LocalDate first = AuditRecords.day(from);
        LocalDate last = AuditRecords.day(to.minusNanos(1));
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("an audit read spans at most " + MAX_DAYS + " days");
        }
        // "~" sorts after every "<instant>#<id>" of the same instant's prefix
        SortRange range = SortRange.between(ItemKeys.instant(from), ItemKeys.instant(to.minusNanos(1)) + "~");
        List<AuditEntry> entries = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last) && entries.size() < MAX_READ; day = day.plusDays(1)) {
            for (Item item : table.query(Query.table(AuditRecords.partition(day), range))) {
                if (entries.size() == MAX_READ) {
                    break;
                }
                entries.add(AuditRecords.entry(item));
            }
        }
        return entries;
    }
}
