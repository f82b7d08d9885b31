package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.CenterVersions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The center's versions in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.CenterVersionsContract}; entries go to the given audit trail.
 */
public final class InMemoryCenterVersions implements CenterVersions {
    private final List<Version> versions = new ArrayList<>();
    private final AuditTrail audit;

    public InMemoryCenterVersions(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public synchronized Optional<Version> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    @Override
    public synchronized OptionalLong currentNumber() {
        return versions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(versions.size());
    }

    @Override
    public synchronized Optional<Version> find(long number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get((int) number - 1)) : Optional.empty();
    }

    @Override
    public synchronized Version seed(Center center, Instant at) {
        if (versions.isEmpty()) {
            versions.add(new Version(1, center, at));
        }
        return versions.getLast();
    }

    @Override
    public synchronized Optional<Version> save(long expected, Center next, Instant at, AuditEntry entry) {
        if (expected != versions.size()) {
            return Optional.empty();
        }
        Version saved = new Version(expected + 1, next, at);
        versions.add(saved);
        audit.record(entry);
        return Optional.of(saved);
    }
}
