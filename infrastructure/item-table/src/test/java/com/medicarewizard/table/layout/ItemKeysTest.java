package com.medicarewizard.table.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theFixedWidthFormReadsBackAsTheSameInstantAsInstantParseGives() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant any = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
            String text = ItemKeys.instant(any);
            assertThat(ItemKeys.instant(text)).as(text).isEqualTo(Instant.parse(text)).isEqualTo(any);
            assertThat(ItemKeys.epochSecond(text)).as(text).isEqualTo(any.getEpochSecond());
        }
    }

    @Test
    void textOutsideTheFixedWidthFormIsReadAsIsoOrRefused() {
        assertThat(ItemKeys.instant("2030-03-11T10:00:00Z")).isEqualTo(Instant.parse("2030-03-11T10:00:00Z"));
        for (String bad : new String[] {"2030-13-11T10:00:00.000000000Z", "2030-02-30T10:00:00.000000000Z",
                "2030-03-11T25:00:00.000000000Z", "2030-03-11T10:60:00.000000000Z", "2030-03-11 10:00:00.000000000Z",
                "2030-03-11T10:00:00.00000000xZ"}) {
            assertThatThrownBy(() -> ItemKeys.instant(bad)).as(bad).isInstanceOf(java.time.DateTimeException.class);
            assertThatThrownBy(() -> ItemKeys.epochSecond(bad)).as(bad).isInstanceOf(java.time.DateTimeException.class);
        }
        // what Instant.parse reads leniently (the end of a day as 24:00) reads the same here
        String endOfDay = "2030-03-11T24:00:00.000000000Z";
        assertThat(ItemKeys.instant(endOfDay)).isEqualTo(Instant.parse(endOfDay));
    }

    @Test
    void aFixedWidthKeyWithAnyOneCharacterChangedReadsAsInstantParseReadsIt() {
        String good = "2027-02-01T07:35:00.000000000Z";
        for (int i = 0; i < good.length(); i++) {
            for (char c : new char[] {'0', '9', '/', ':', '-', '.', 'T', 'Z', 'x', ' '}) {
                String text = good.substring(0, i) + c + good.substring(i + 1);
                Instant expected;
                try {
                    expected = Instant.parse(text);
                } catch (java.time.DateTimeException refused) {
                    assertThatThrownBy(() -> ItemKeys.epochSecond(text)).as(text)
                            .isInstanceOf(java.time.DateTimeException.class);
                    continue;
                }
                assertThat(ItemKeys.epochSecond(text)).as(text).isEqualTo(expected.getEpochSecond());
                assertThat(ItemKeys.instant(text)).as(text).isEqualTo(expected);
            }
        }
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

    @Test
    void aRecipientsQuotaKeyShowsNeitherChannelNorAddress() {
        assertThat(ItemKeys.quota("SMS:+393471234567"))
                .startsWith("QUOTA#")
                .doesNotContain("393471234567")
                .doesNotContain("SMS")
                .hasSize("QUOTA#".length() + 64)
                .isNotEqualTo(ItemKeys.quota("EMAIL:+393471234567"));
    }

    @Test
    void aTakenCellIsNamedByItsUtcDayAndItsStartWithinIt() {
        Instant start = Instant.parse("2027-03-28T23:55:00Z");
        assertThat(ItemKeys.takenDay(start)).isEqualTo("2027-03-28");
        assertThat(ItemKeys.takenCell(start)).isEqualTo("c2355");
        assertThat(ItemKeys.takenCell(Instant.parse("2027-03-29T00:00:00Z"))).isEqualTo("c0000");
        assertThat(ItemKeys.takenDayStart("2027-03-28") + ItemKeys.takenCellSecondOfDay("c2355"))
                .isEqualTo(start.getEpochSecond());
        assertThat(ItemKeys.takenCellSecondOfDay("type")).isEqualTo(-1);
        assertThat(ItemKeys.takenCellSecondOfDay("cx930")).isEqualTo(-1);
    }
}
