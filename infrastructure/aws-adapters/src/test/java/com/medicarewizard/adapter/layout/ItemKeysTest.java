package com.medicarewizard.adapter.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.PatientId;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ItemKeysTest {

    @Test
    void instantsHaveOneWidthSoThatStringOrderIsTimeOrder() {
        Instant whole = Instant.parse("2030-03-11T10:00:00Z");
        Instant later = whole.plusMillis(500);
        assertThat(ItemKeys.instant(whole)).hasSameSizeAs(ItemKeys.instant(later))
                .isLessThan(ItemKeys.instant(later));
        assertThat(ItemKeys.instant(ItemKeys.instant(later))).isEqualTo(later);
    }

    @Test
    void idempotencyKeysAreHashedPerPatient() {
        PatientId patient = new PatientId("6d1f4c2a-4b5e-4f7a-9c3d-2e1f0a9b8c7d");
        assertThat(ItemKeys.idempotency(patient, "my key"))
                .startsWith("IDEMPOTENCY#" + patient + "#")
                .doesNotContain("my key")
                .hasSize("IDEMPOTENCY#".length() + 36 + 1 + 64);
        assertThat(ItemKeys.idempotency(patient, "my key")).isEqualTo(ItemKeys.idempotency(patient, "my key"));
        assertThat(ItemKeys.idempotency(PatientId.random(), "my key")).isNotEqualTo(ItemKeys.idempotency(patient, "my key"));
    }
}
