package com.medicarewizard.domain.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReminderKindTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void fortyEightElapsedHoursBeforeAStartJustAfterTheClocksWentForward() {
        // Rome goes from +01:00 to +02:00 at 02:00 on Sunday 28 March 2027
        Instant start = ZonedDateTime.of(2027, 3, 29, 9, 0, 0, 0, ROME).toInstant();
        Instant due = ReminderKind.BEFORE_48_HOURS.dueAt(start);
        assertThat(Duration.between(due, start)).isEqualTo(Duration.ofHours(48));
        assertThat(due).isEqualTo(Instant.parse("2027-03-27T07:00:00Z"));
        assertThat(due.atZone(ROME).toLocalTime()).hasToString("08:00");
    }

    @Test
    void fortyEightElapsedHoursBeforeAStartJustAfterTheClocksWentBack() {
        // Rome goes from +02:00 to +01:00 at 03:00 on Sunday 31 October 2027
        Instant start = ZonedDateTime.of(2027, 11, 1, 9, 0, 0, 0, ROME).toInstant();
        Instant due = ReminderKind.BEFORE_48_HOURS.dueAt(start);
        assertThat(due).isEqualTo(Instant.parse("2027-10-30T08:00:00Z"));
        assertThat(due.atZone(ROME).toLocalTime()).hasToString("10:00");
    }

    @Test
    void twoElapsedHoursAcrossTheNightTheClocksChange() {
        // 03:30 on 28 March 2027 in Rome is one hour after 01:30 by the clock, two by elapsed time
        Instant start = ZonedDateTime.of(2027, 3, 28, 3, 30, 0, 0, ROME).toInstant();
        assertThat(ReminderKind.BEFORE_2_HOURS.dueAt(start).atZone(ROME).toLocalTime()).hasToString("00:30");
        Instant newYorkStart = ZonedDateTime.of(2027, 3, 14, 3, 30, 0, 0, NEW_YORK).toInstant();
        assertThat(ReminderKind.BEFORE_2_HOURS.dueAt(newYorkStart)).isEqualTo(Instant.parse("2027-03-14T05:30:00Z"));
    }

    @Test
    void aReminderAlreadyDueAtConfirmationIsNotScheduled() {
        Instant start = Instant.parse("2027-03-29T07:00:00Z");
        assertThat(ReminderKind.BEFORE_48_HOURS.worthScheduling(start, start.minus(Duration.ofHours(49)))).isTrue();
        assertThat(ReminderKind.BEFORE_48_HOURS.worthScheduling(start, start.minus(Duration.ofHours(48)))).isFalse();
        assertThat(ReminderKind.BEFORE_48_HOURS.worthScheduling(start, start.minus(Duration.ofHours(30)))).isFalse();
        assertThat(ReminderKind.BEFORE_2_HOURS.worthScheduling(start, start.minus(Duration.ofHours(30)))).isTrue();
    }

    @Test
    void aLateReminderIsSentUntilHalfItsLeadIsLeft() {
        Instant start = Instant.parse("2027-03-29T07:00:00Z");
        ReminderKind day = ReminderKind.BEFORE_48_HOURS;
        assertThat(day.worthSending(start, start.minus(Duration.ofHours(48)).minusSeconds(1))).isFalse();
        assertThat(day.worthSending(start, start.minus(Duration.ofHours(48)))).isTrue();
        assertThat(day.worthSending(start, start.minus(Duration.ofHours(24)).minusSeconds(1))).isTrue();
        assertThat(day.worthSending(start, start.minus(Duration.ofHours(24)))).isFalse();
        assertThat(ReminderKind.BEFORE_2_HOURS.worthSending(start, start.minus(Duration.ofMinutes(61)))).isTrue();
        assertThat(ReminderKind.BEFORE_2_HOURS.worthSending(start, start.minus(Duration.ofMinutes(60)))).isFalse();
    }

    @Test
    void namesAreStablePerReservationAndKind() {
        assertThat(ReminderKind.ofCode("48h")).isEqualTo(ReminderKind.BEFORE_48_HOURS);
        assertThat(ReminderKind.ofCode(ReminderKind.BEFORE_2_HOURS.code())).isEqualTo(ReminderKind.BEFORE_2_HOURS);
    }
}
