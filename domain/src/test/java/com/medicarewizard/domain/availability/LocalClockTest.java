package com.medicarewizard.domain.availability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock's spans and seconds of the day are what {@link BookingRules#localSpan} and
 * {@link LocalDateTime#ofInstant} give, across daylight-saving changes of whole hours, half hours,
 * odd offsets and changes at midnight, for spans that end at midnight or cross a change.
 */
class LocalClockTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Rome"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("UTC"), ZoneId.of("Pacific/Apia"),
            // changes at midnight: a local day that starts at 01:00, or has midnight twice
            ZoneId.of("America/Havana"), ZoneId.of("Asia/Beirut"), ZoneId.of("America/Santiago"));

    @Test
    void spansAndSecondsOfTheDayAreThoseOfTheLocalDateTimes() {
        Random random = new Random(15);
        for (ZoneId zone : ZONES) {
            LocalClock clock = new LocalClock(zone);
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            // every 5 minutes through two years, so that every change is walked over in order
            for (Instant from = base; from.isBefore(base.plus(Duration.ofDays(730))); from = from.plusSeconds(300)) {
                Instant to = from.plus(Duration.ofMinutes(5L * (1 + random.nextInt(36))));
                check(zone, clock, from, to);
            }
        }
    }

    @Test
    void instantsAskedOutOfOrderAndWithNanosecondsGiveTheSameAnswers() {
        Random random = new Random(16);
        for (ZoneId zone : ZONES) {
            LocalClock clock = new LocalClock(zone);
            for (int i = 0; i < 50_000; i++) {
                Instant from = Instant.ofEpochSecond(1_700_000_000L + random.nextLong(200_000_000L),
                        random.nextInt(10) == 0 ? random.nextInt(1_000_000_000) : 0);
                Instant to = from.plusSeconds(random.nextInt(4 * 3600));
                check(zone, clock, from, to);
            }
        }
    }

    private static void check(ZoneId zone, LocalClock clock, Instant from, Instant to) {
        LocalDateTime localFrom = LocalDateTime.ofInstant(from, zone);
        assertThat(clock.span(from, to)).as("%s %s-%s", zone, from, to)
                .isEqualTo(BookingRules.localSpan(localFrom, LocalDateTime.ofInstant(to, zone)));
        assertThat(clock.secondOfDay(from)).as("%s %s", zone, from).isEqualTo(localFrom.toLocalTime().toSecondOfDay());
    }
}
