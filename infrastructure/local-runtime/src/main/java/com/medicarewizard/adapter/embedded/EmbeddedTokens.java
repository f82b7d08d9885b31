package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.TOKEN;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.layout.ExpiringRecords;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.port.Tokens;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Tokens} on the embedded table: {@code TOKEN#<hash>} items with the expiry both exact and
 * as epoch seconds, DynamoDB's TTL attribute. TTL deletes expired items only eventually, so
 * {@link #find} checks the expiry itself.
 */
public final class EmbeddedTokens implements Tokens {

    private final EmbeddedTable table;

    public EmbeddedTokens(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: a hash names one freshly drawn random token, so there is nothing to overwrite. */
    @Override
    public void store(Session session) {
        table.put(Item.of(ExpiringRecords.session(session)), Condition.always());
    }

    @Override
    public Optional<Session> find(String tokenHash, Instant now) {
        return table.get(key(tokenHash))
                .map(item -> ExpiringRecords.session(tokenHash, ReservationItems.attributes(item)))
                .filter(session -> now.isBefore(session.expiresAt()));
    }

    @Override
    public void revoke(String tokenHash) {
        table.delete(key(tokenHash), Condition.always());
    }

    private static Key key(String tokenHash) {
        return new Key(ItemKeys.token(tokenHash), TOKEN);
    }
}
