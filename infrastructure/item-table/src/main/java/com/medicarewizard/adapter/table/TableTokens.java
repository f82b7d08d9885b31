package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.SESSIONS_INDEX;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Instant;
import java.util.List;
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

    @Override
    public List<Session> sessionsOf(PatientId patient, Instant now) {
        return table.query(Query.index(SESSIONS_INDEX, patient.value(), SortRange.all())).stream()
                .map(item -> ExpiringRecords.session(item.key().pk().substring(ItemKeys.token("").length()), item))
                .filter(session -> now.isBefore(session.expiresAt())).toList();
    }

    /**
     * Every session the patient's index partition holds (a session stored before the index existed has
     * no {@code sessionOf} and lives out its hour).
     */
    @Override
    public void revokeAll(PatientId patient) {
        for (Item session : table.query(Query.index(SESSIONS_INDEX, patient.value(), SortRange.all()))) {
            table.delete(session.key(), Condition.always());
        }
    }
}
