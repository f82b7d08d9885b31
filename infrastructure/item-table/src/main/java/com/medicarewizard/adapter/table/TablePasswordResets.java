package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.CODE_HASH;
import static com.medicarewizard.table.layout.ItemLayout.PASSWORD_HASH;
import static com.medicarewizard.table.layout.ItemLayout.WRONG_CODES;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.PasswordResets;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.PatientRecords;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PasswordResets} on the item table: one {@code RESET#<patientId>} item per patient, with the
 * expiry as the table's TTL attribute (TTL deletes only eventually, so {@link #find} checks the expiry
 * itself). Every change after the first write is conditional on the code's hash, so a reset replaced
 * meanwhile is never counted against or used; completing it is one transaction with the patient's
 * password hash.
 */
public final class TablePasswordResets implements PasswordResets {

    private final ItemTable table;

    public TablePasswordResets(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: a new reset replaces the earlier one. */
    @Override
    public void store(Reset reset) {
        table.put(ExpiringRecords.reset(reset), Condition.always());
    }

    @Override
    public Optional<Reset> find(PatientId patient, Instant now) {
        return table.get(ExpiringRecords.resetKey(patient)).map(ExpiringRecords::reset)
                .filter(reset -> now.isBefore(reset.expiresAt()) && reset.wrongCodes() < MAX_WRONG_CODES);
    }

    @Override
    public void countWrongCode(Reset reset) {
        Item counted;
        try {
            counted = table.update(ExpiringRecords.resetKey(reset.patient()), Update.add(WRONG_CODES, 1), stillThe(reset));
        } catch (ConditionFailedException replacedOrGone) {
            return;
        }
        if (counted.longValue(WRONG_CODES) >= MAX_WRONG_CODES) {
            table.delete(ExpiringRecords.resetKey(reset.patient()), stillThe(reset));
        }
    }

    @Override
    public boolean complete(Reset reset, String passwordHash) {
        try {
            table.transact(List.of(
                    Write.delete(ExpiringRecords.resetKey(reset.patient()), stillThe(reset)),
                    Write.update(PatientRecords.key(reset.patient()), Update.set(PASSWORD_HASH, passwordHash),
                            Condition.present())));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.reasons().stream().anyMatch(CancellationReason::conditionFailed)) {
                return false;
            }
            if (e.reasons().stream().anyMatch(CancellationReason::conflicted)) {
                throw new ContendedWriteException("the password reset of " + reset.patient() + " met another write", e);
            }
            throw new IllegalStateException("the password reset of " + reset.patient() + " could not be completed", e);
        }
    }

    private static Condition stillThe(Reset reset) {
        return Condition.equals(CODE_HASH, reset.codeHash());
    }
}
