package com.medicarewizard.port;

import com.medicarewizard.domain.center.Center;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The {@link CenterCatalog} of a function, over the center's {@link CenterVersions}: the current version
 * kept in memory and checked again (one small read of its number) once it is older than {@code maxAge};
 * read whole only when a new version was saved. {@link #fresh()} checks at once: what the allocator does
 * at the start of each batch, so that a change applies to the requests decided after it.
 *
 * <p>Nothing is read until the first use (a function's start makes no call: a SnapStart snapshot holds no
 * center and no connection); a table without a center is then seeded from {@code seed}, once.
 */
public final class VersionedCenterCatalog implements CenterCatalog {
    private final CenterVersions versions;
    private final Duration maxAge;
    private final Clock clock;
    private final Supplier<Center> seed;
    private volatile Kept kept;

    private record Kept(CenterVersions.Version version, Instant checkedAt) {
    }

    /** @param seed the center of a fresh installation, read only if the table holds none at the first use */
    public VersionedCenterCatalog(CenterVersions versions, Supplier<Center> seed, Duration maxAge, Clock clock) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.seed = Objects.requireNonNull(seed, "seed");
        this.maxAge = Objects.requireNonNull(maxAge, "max age");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Center current() {
        return version().center();
    }

    /** The kept version while it is younger than the max age, else the current one, checked now. */
    public CenterVersions.Version version() {
        Kept now = kept;
        if (now != null && Duration.between(now.checkedAt(), clock.instant()).compareTo(maxAge) < 0) {
            return now.version();
        }
        return fresh();
    }

    /** The current version, checked now. */
    public CenterVersions.Version fresh() {
        Kept before = kept;
        Instant at = clock.instant();
        OptionalLong number = versions.currentNumber();
        CenterVersions.Version version;
        if (number.isEmpty()) {
            version = versions.seed(seed.get(), at);
        } else if (before != null && number.getAsLong() == before.version().number()) {
            version = before.version();
        } else {
            version = versions.find(number.getAsLong()).orElseGet(() -> versions.current().orElseThrow());
        }
        kept = new Kept(version, at);
        return version;
    }
}
