package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.EXPIRES_AT_INSTANT;
import static com.medicarewizard.adapter.layout.ItemLayout.ISSUED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.TOKEN;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.domain.reservation.PatientId;
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
        Instant expires = session.expiresAt();
        table.put(Item.builder(key(session.tokenHash()))
                .put(TYPE, TOKEN)
                .put(PATIENT_ID, session.patient().value())
                .put(ISSUED_AT, ItemKeys.instant(session.issuedAt()))
                .put(EXPIRES_AT_INSTANT, ItemKeys.instant(expires))
                // rounded up, so that the TTL never removes a session before it expires
                .put(EXPIRES_AT, expires.getEpochSecond() + (expires.getNano() > 0 ? 1 : 0))
                .build(), Condition.always());
    }

    @Override
    public Optional<Session> find(String tokenHash, Instant now) {
        return table.get(key(tokenHash))
                .map(item -> new Session(tokenHash, new PatientId(item.string(PATIENT_ID)),
                        ItemKeys.instant(item.string(ISSUED_AT)), ItemKeys.instant(item.string(EXPIRES_AT_INSTANT))))
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
