package com.medicarewizard.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.fakes.InMemoryCenterVersions;
import com.medicarewizard.port.fakes.InMemoryStaffAccounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class VersionedCenterCatalogTest {
    private static final Instant NOW = Instant.parse("2030-03-04T08:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger wholeReads = new AtomicInteger();
    private final InMemoryCenterVersions stored = new InMemoryCenterVersions(new InMemoryStaffAccounts());
    private final CenterVersions counted = new CenterVersions() {
        @Override
        public java.util.Optional<Version> current() {
            wholeReads.incrementAndGet();
            return stored.current();
        }

        @Override
        public java.util.OptionalLong currentNumber() {
            return stored.currentNumber();
        }

        @Override
        public java.util.Optional<Version> find(long number) {
            wholeReads.incrementAndGet();
            return stored.find(number);
        }

        @Override
        public Version seed(Center center, Instant at) {
            return stored.seed(center, at);
        }

        @Override
        public java.util.Optional<Version> save(long expected, Center next, Instant at, AuditEntry audit) {
            return stored.save(expected, next, at, audit);
        }
    };

    private Center renamed() {
        Center c = CenterMother.center();
        var site = c.sites().getFirst();
        var sites = new java.util.ArrayList<>(c.sites());
        sites.set(0, new com.medicarewizard.domain.center.Site(site.id(), "Renamed", site.address(), site.zone()));
        return new Center(sites, c.examTypes(), c.resources(), c.closures(), c.policy());
    }

    private void saveRenamed() {
        stored.save(stored.currentNumber().getAsLong(), renamed(), clock.instant(), new AuditEntry("e", NOW, "a", "-",
                "center.changed", "center", Map.of(), Map.of()));
    }

    @Test
    void nothingIsReadBeforeTheFirstUseWhichSeedsAnEmptyTableOnce() {
        AtomicInteger seeds = new AtomicInteger();
        var catalog = new VersionedCenterCatalog(counted, () -> {
            seeds.incrementAndGet();
            return CenterMother.center();
        }, Duration.ofSeconds(2), clock);
        assertThat(stored.currentNumber()).isEmpty();

        assertThat(catalog.current()).isEqualTo(CenterMother.center());
        clock.advance(Duration.ofSeconds(5));
        assertThat(catalog.current()).isEqualTo(CenterMother.center());
        assertThat(seeds).hasValue(1);
        assertThat(stored.currentNumber()).hasValue(1);
    }

    @Test
    void theKeptVersionServesUntilItIsOlderThanItsMaxAgeThenANewVersionIsReadOnce() {
        stored.seed(CenterMother.center(), NOW);
        var catalog = new VersionedCenterCatalog(counted, CenterMother::center, Duration.ofSeconds(2), clock);
        assertThat(catalog.current()).isEqualTo(CenterMother.center());
        saveRenamed();

        assertThat(catalog.current()).isEqualTo(CenterMother.center());
        clock.advance(Duration.ofSeconds(2));
        assertThat(catalog.current()).isEqualTo(renamed());
        int reads = wholeReads.get();
        clock.advance(Duration.ofSeconds(5));
        assertThat(catalog.current()).isEqualTo(renamed());
        assertThat(wholeReads.get()).as("only the number is read while it is unchanged").isEqualTo(reads);
    }

    @Test
    void freshChecksAtOnce() {
        stored.seed(CenterMother.center(), NOW);
        var catalog = new VersionedCenterCatalog(counted, CenterMother::center, Duration.ofHours(1), clock);
        saveRenamed();

        assertThat(catalog.fresh().number()).isEqualTo(2);
        assertThat(catalog.current()).isEqualTo(renamed());
    }
}
