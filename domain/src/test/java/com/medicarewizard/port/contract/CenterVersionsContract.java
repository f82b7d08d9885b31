package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.CenterVersions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CenterVersions} adapter promises, with the {@link AuditTrail} of the same storage.
 * Subclasses give fresh, empty storage per test.
 */
public abstract class CenterVersionsContract {
    private static final Instant NOW = Instant.parse("2030-03-04T08:00:00.250Z");

    /** The two ports over one fresh, empty storage. */
    public record Stores(CenterVersions versions, AuditTrail audit) {
    }

    protected abstract Stores newStores();

    private CenterVersions versions;
    private AuditTrail audit;

    @BeforeEach
    void fresh() {
        Stores stores = newStores();
        versions = stores.versions();
        audit = stores.audit();
    }

    private static Center closedOn(Center center, LocalDate day) {
        List<Closure> closures = new ArrayList<>(center.closures());
        closures.add(Closure.ofSite(CenterMother.NORD, day, day, "works"));
        return new Center(center.sites(), center.examTypes(), center.resources(), closures, center.policy());
    }

    private static AuditEntry entry(Instant at) {
        return new AuditEntry(UUID.randomUUID().toString(), at, "actor", "a@example.org", "center.changed", "center",
                Map.of(), Map.of());
    }

    @Test
    void anEmptyStoreHasNoCenterUntilSeededOnce() {
        assertThat(versions.current()).isEmpty();
        assertThat(versions.currentNumber()).isEmpty();

        CenterVersions.Version seeded = versions.seed(CenterMother.center(), NOW);
        CenterVersions.Version again = versions.seed(closedOn(CenterMother.center(), LocalDate.of(2030, 4, 1)),
                NOW.plusSeconds(5));

        assertThat(seeded.number()).isEqualTo(1);
        assertThat(seeded.center()).isEqualTo(CenterMother.center());
        assertThat(again).isEqualTo(seeded);
        assertThat(versions.current()).contains(seeded);
        assertThat(versions.currentNumber()).hasValue(1);
        assertThat(audit.between(NOW.minusSeconds(60), NOW.plusSeconds(10))).isEmpty();
    }

    @Test
    void aChangeIsSavedOverTheVersionItWasMadeFromAndTheEarlierOnesAreKept() {
        versions.seed(CenterMother.center(), NOW);
        Center closed = closedOn(CenterMother.center(), LocalDate.of(2030, 4, 1));
        AuditEntry changed = entry(NOW.plusSeconds(1));

        var saved = versions.save(1, closed, NOW.plusSeconds(1), changed);

        assertThat(saved).hasValueSatisfying(v -> assertThat(v.number()).isEqualTo(2));
        assertThat(versions.current().orElseThrow().center()).isEqualTo(closed);
        assertThat(versions.find(1).orElseThrow().center()).isEqualTo(CenterMother.center());
        assertThat(versions.find(2).orElseThrow().savedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(audit.between(NOW, NOW.plusSeconds(2))).containsExactly(changed);
        assertThat(saved.get().etag()).isEqualTo("\"v2\"");
    }

    @Test
    void aChangeMadeFromAnOlderVersionIsRefusedAndWritesNothing() {
        versions.seed(CenterMother.center(), NOW);
        versions.save(1, closedOn(CenterMother.center(), LocalDate.of(2030, 4, 1)), NOW, entry(NOW));

        var late = versions.save(1, closedOn(CenterMother.center(), LocalDate.of(2030, 5, 1)), NOW.plusSeconds(1),
                entry(NOW.plusSeconds(1)));

        assertThat(late).isEmpty();
        assertThat(versions.currentNumber()).hasValue(2);
        assertThat(versions.find(3)).isEmpty();
        assertThat(audit.between(NOW, NOW.plusSeconds(2))).hasSize(1);
    }
}
