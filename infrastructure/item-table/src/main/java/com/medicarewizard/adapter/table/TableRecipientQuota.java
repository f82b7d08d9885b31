package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.table.layout.ItemLayout.MESSAGES;
import static com.medicarewizard.table.layout.ItemLayout.QUOTA;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;
import static com.medicarewizard.table.layout.ItemLayout.VERSION;

import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RecipientQuota} on the item table: one {@code QUOTA#<sha256(subject)>} item per recipient listing the
 * messages of the last window as {@code <fixed-width instant>#<message id>}. A message is counted by
 * rewriting the list (older entries dropped, the new one added) conditional on the version it was read
 * with, so racing notifiers never both take the last place: the loser reads again and decides again.
 * TTL removes recipients who got nothing for a window.
 */
public final class TableRecipientQuota implements RecipientQuota {

    /** Each lost race means another notifier counted a message meanwhile; this many cannot happen in practice. */
    private static final int MAX_ATTEMPTS = 50;
    private final ItemTable table;

    public TableRecipientQuota(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean admit(String subject, String messageId, Instant at, Instant since, int limit) {
        Key key = new Key(ItemKeys.quota(subject), QUOTA);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Item> stored = table.get(key);
            List<String> messages = stored.filter(i -> i.has(MESSAGES)).map(i -> i.strings(MESSAGES)).orElse(List.of());
            if (messages.stream().anyMatch(entry -> entry.endsWith("#" + messageId))) {
                return true;
            }
            String windowStart = ItemKeys.instant(since);
            List<String> recent = new ArrayList<>(messages.stream().filter(e -> e.compareTo(windowStart) >= 0).toList());
            if (recent.size() >= limit) {
                return false;
            }
            recent.add(ItemKeys.instant(at) + "#" + messageId);
            long version = stored.map(i -> i.optLong(VERSION).orElse(0)).orElse(0L);
            Condition unchanged = stored.isPresent() ? Condition.equals(VERSION, version) : Condition.absent();
            Item next = Item.builder(key).put(TYPE, QUOTA).put(MESSAGES, recent).put(VERSION, version + 1)
                    .put(EXPIRES_AT, ExpiringRecords.ttl(at.plus(Duration.between(since, at)))).build();
            try {
                table.put(next, unchanged);
                return true;
            } catch (ConditionFailedException raced) {
                // another message was counted meanwhile: decide again on what is there now
            }
        }
        throw new IllegalStateException("the quota of one recipient kept changing; the record will come again");
    }

    @Override
    public void forget(String subject) {
        table.delete(new Key(ItemKeys.quota(subject), QUOTA), Condition.always());
    }
}
