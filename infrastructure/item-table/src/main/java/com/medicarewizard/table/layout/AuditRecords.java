package com.medicarewizard.table.layout;

import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.table.Item;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an {@link AuditEntry} to its item in {@link ItemLayout}: partition {@code AUDIT#<UTC day>}, sort key
 * {@code <fixed-width instant>#<entry id>}, so a span of time is one query per day, oldest first. The
 * fields before and after are lists of {@code name=value} (a name never holds {@code =}).
 */
public final class AuditRecords {
    public static final String ENTRY_ID = "entryId";
    public static final String AT = "at";
    public static final String ACTOR = "actor";
    public static final String ACTOR_EMAIL = "actorEmail";
    public static final String ACTION = "action";
    public static final String SUBJECT = "subject";
    public static final String BEFORE = "before";
    public static final String AFTER = "after";

    private AuditRecords() {
    }

    /** The partition of the entries of the UTC day of {@code at}. */
    public static String partition(LocalDate utcDay) {
        return ItemLayout.AUDIT + "#" + utcDay;
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    public static String sortKey(Instant at, String id) {
        return ItemKeys.instant(at) + "#" + id;
    }

    public static Item item(AuditEntry e) {
        return Item.builder(partition(day(e.at())), sortKey(e.at(), e.id())).put(TYPE, ItemLayout.AUDIT)
                .put(ENTRY_ID, e.id()).put(AT, ItemKeys.instant(e.at())).put(ACTOR, e.actor())
                .put(ACTOR_EMAIL, e.actorEmail()).put(ACTION, e.action()).put(SUBJECT, e.subject())
                .put(BEFORE, pairs(e.before())).put(AFTER, pairs(e.after())).build();
    }

    public static AuditEntry entry(Item item) {
        return new AuditEntry(item.string(ENTRY_ID), ItemKeys.instant(item.string(AT)), item.string(ACTOR),
                item.string(ACTOR_EMAIL), item.string(ACTION), item.string(SUBJECT), fields(item.strings(BEFORE)),
                fields(item.strings(AFTER)));
    }

    private static List<String> pairs(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> f.getKey() + "=" + f.getValue()).toList();
    }

    private static Map<String, String> fields(List<String> pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        pairs.forEach(pair -> {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), pair.substring(equals + 1));
        });
        return fields;
    }
}
