package com.medicarewizard.port;

import com.medicarewizard.domain.staff.AuditEntry;

import java.time.Instant;
import java.util.List;

/**
 * The staff's audit trail, as administrators read it. Changes write their entries in their own
 * transactions (e.g. {@link StaffAccounts}); {@link #record} is for actions that change nothing else,
 * such as opening a patient's contact data.
 */
public interface AuditTrail {

    /** The most entries one read answers. */
    int MAX_READ = 1_000;

    void record(AuditEntry entry);

    /**
     * The entries from {@code from} (inclusive) to {@code to} (exclusive), oldest first, at most
     * {@value #MAX_READ}: the first ones of the span when there are more.
     */
    List<AuditEntry> between(Instant from, Instant to);
}
