package com.medicarewizard.port;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.staff.AuditEntry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The center, kept in the table and versioned: each saved change is a new version (1, 2, …) and the
 * versions before it are kept. A change is saved only over the version it was made from, with its audit
 * entry, all or nothing, so two administrators never overwrite each other unseen. A fresh installation is
 * seeded once (the center file, or the demo center); after that the file is not read again.
 */
public interface CenterVersions {

    /** The current version, read strongly consistent; empty before the seed. */
    Optional<Version> current();

    /** The current version's number alone (a small read): to tell whether a kept copy is still current. */
    OptionalLong currentNumber();

    /** A version by number, if stored. */
    Optional<Version> find(long number);

    /** Stores {@code center} as version 1 if there is none yet; answers the current version either way. */
    Version seed(Center center, Instant at);

    /**
     * Stores {@code next} as version {@code expected + 1}, with the entry, if {@code expected} is still the
     * current version.
     *
     * @return the stored version, or empty (nothing written) when another change came first
     */
    Optional<Version> save(long expected, Center next, Instant at, AuditEntry audit);

    /** One version of the center and when it was saved. */
    record Version(long number, Center center, Instant savedAt) {
        public Version {
            Objects.requireNonNull(center, "center");
            Objects.requireNonNull(savedAt, "saved at");
            if (number < 1) {
                throw new IllegalArgumentException("versions count from 1");
            }
        }

        /** The HTTP entity tag of this version: {@code "v<number>"}. */
        public String etag() {
            return "\"v" + number + "\"";
        }
    }
}
