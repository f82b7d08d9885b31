package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.layout.ItemLayout.TOKEN;

import com.medicarewizard.adapter.layout.ExpiringRecords;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.port.Tokens;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Tokens} on DynamoDB: {@code TOKEN#<hash>} items with the expiry both exact and as epoch
 * seconds in the table's TTL attribute. TTL deletes expired items only eventually (within days), so
 * {@link #find} checks the expiry itself.
 */
public final class DynamoDbTokens implements Tokens {

    private final DynamoDbTable table;

    public DynamoDbTokens(DynamoDbTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: a hash names one freshly drawn random token, so there is nothing to overwrite. */
    @Override
    public void store(Session session) {
        table.putAlways(ExpiringRecords.session(session));
    }

    @Override
    public Optional<Session> find(String tokenHash, Instant now) {
        return table.get(ItemKeys.token(tokenHash), TOKEN)
                .map(item -> ExpiringRecords.session(tokenHash, item))
                .filter(session -> now.isBefore(session.expiresAt()));
    }

    @Override
    public void revoke(String tokenHash) {
        table.delete(ItemKeys.token(tokenHash), TOKEN);
    }
}
