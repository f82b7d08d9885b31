package com.medicarewizard.intake.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Rome"), ZoneOffset.UTC, ZoneId.of("America/St_Johns"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"), ZoneOffset.ofHoursMinutesSeconds(-3, -7, -5),
            ZoneId.of("Europe/Amsterdam"), ZoneId.of("Pacific/Kiritimati"), ZoneOffset.ofTotalSeconds(30),
            ZoneOffset.ofTotalSeconds(-59), ZoneOffset.ofTotalSeconds(60), ZoneOffset.ofTotalSeconds(-61));

    private static String reference(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant, zone).format(REFERENCE);
    }

    @Test
    void writesWhatTheFormatterWritesAcrossZonesOffsetsAndYears() {
        SplittableRandom random = new SplittableRandom(15);
        long first = Instant.parse("-0001-06-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("+10001-06-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last));
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            assertThat(Times.iso(instant, zone)).as("%s in %s", instant, zone).isEqualTo(reference(instant, zone));
        }
    }

    @Test
    void writesTheOffsetOfEachSideOfADstChange() {
        ZoneId rome = ZoneId.of("Europe/Rome");
        assertThat(Times.iso(Instant.parse("2027-03-28T00:59:59Z"), rome)).isEqualTo("2027-03-28T01:59:59+01:00");
        assertThat(Times.iso(Instant.parse("2027-03-28T01:00:00Z"), rome)).isEqualTo("2027-03-28T03:00:00+02:00");
        assertThat(Times.iso(Instant.parse("2027-10-31T00:59:59Z"), rome)).isEqualTo("2027-10-31T02:59:59+02:00");
        assertThat(Times.iso(Instant.parse("2027-10-31T01:00:00Z"), rome)).isEqualTo("2027-10-31T02:00:00+01:00");
        assertThat(Times.iso(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void leavesYearsBeyondFourDigitsToTheFormatter() {
        Instant far = Instant.parse("+12345-01-01T10:00:00Z");
        assertThat(Times.iso(far, ZoneOffset.UTC)).isEqualTo(reference(far, ZoneOffset.UTC));
        Instant before = Instant.parse("-0005-01-01T10:00:00Z");
        assertThat(Times.iso(before, ZoneOffset.UTC)).isEqualTo(reference(before, ZoneOffset.UTC));
    }
}
