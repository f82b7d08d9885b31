package com.medicarewizard.adapter.table;

import com.medicarewizard.port.Tokens;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.layout.ExpiringRecords;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Tokens} on the item table: {@code TOKEN#<hash>} items with the expiry both exact and as
 * epoch seconds, the table's TTL attribute. TTL deletes expired items only eventually (within
 * days in DynamoDB), so {@link #find} checks the expiry itself.
 */
public final class TableTokens implements Tokens {

    private final ItemTable table;

    public TableTokens(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: a hash names one freshly drawn random token, so there is nothing to overwrite. */
    @Override
    public void store(Session session) {
        table.put(ExpiringRecords.session(session), Condition.always());
    }

    @Override
    public Optional<Session> find(String tokenHash, Instant now) {
        return table.get(ExpiringRecords.sessionKey(tokenHash))
                .map(item -> ExpiringRecords.session(tokenHash, item))
                .filter(session -> now.isBefore(session.expiresAt()));
    }

    @Override
    public void revoke(String tokenHash) {
        table.delete(ExpiringRecords.sessionKey(tokenHash), Condition.always());
    }
}
