package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.port.RecipientQuota;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RecipientQuota} adapter promises. Subclasses give a fresh, empty store per test. */
public abstract class RecipientQuotaContract {

    private static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String SUBJECT = "SMS:5f1c9e";
    private static final String OTHER = "EMAIL:0a9b77";
    private RecipientQuota quota;

    /** A new adapter over empty storage. */
    protected abstract RecipientQuota newQuota();

    @BeforeEach
    void freshStore() {
        quota = newQuota();
    }

    private boolean admit(String subject, String message, int minute, int limit) {
        Instant at = T0.plus(Duration.ofMinutes(minute));
        return quota.admit(subject, message, at, at.minus(HOUR), limit);
    }

    @Test
    void admitsUpToTheLimitInTheWindowAndRefusesTheNext() {
        assertThat(admit(SUBJECT, "m1", 0, 2)).isTrue();
        assertThat(admit(SUBJECT, "m2", 10, 2)).isTrue();
        assertThat(admit(SUBJECT, "m3", 20, 2)).isFalse();
        assertThat(admit(SUBJECT, "m4", 59, 2)).isFalse();
    }

    @Test
    void aMessageCountedBeforeIsAdmittedAgainWithoutCountingTwice() {
        assertThat(admit(SUBJECT, "m1", 0, 2)).isTrue();
        assertThat(admit(SUBJECT, "m1", 1, 2)).isTrue();
        assertThat(admit(SUBJECT, "m1", 2, 2)).isTrue();
        assertThat(admit(SUBJECT, "m2", 3, 2)).as("m1 counted once, so m2 is the second").isTrue();
        assertThat(admit(SUBJECT, "m3", 4, 2)).isFalse();
    }

    @Test
    void aRefusedMessageIsNotCounted() {
        assertThat(admit(SUBJECT, "m1", 0, 1)).isTrue();
        assertThat(admit(SUBJECT, "m2", 1, 1)).isFalse();
        assertThat(admit(SUBJECT, "m2", 61, 1)).as("m1 has left the window; m2 was never counted").isTrue();
        assertThat(admit(SUBJECT, "m3", 62, 1)).isFalse();
    }

    @Test
    void messagesLeaveTheWindowAfterIt() {
        assertThat(admit(SUBJECT, "m1", 0, 2)).isTrue();
        assertThat(admit(SUBJECT, "m2", 30, 2)).isTrue();
        assertThat(admit(SUBJECT, "m3", 60, 2)).as("m1 is exactly at the window's start: still counted").isFalse();
        assertThat(admit(SUBJECT, "m3", 61, 2)).isTrue();
        assertThat(admit(SUBJECT, "m4", 62, 2)).isFalse();
    }

    @Test
    void subjectsAreCountedApart() {
        assertThat(admit(SUBJECT, "m1", 0, 1)).isTrue();
        assertThat(admit(OTHER, "m1", 0, 1)).isTrue();
        assertThat(admit(OTHER, "m2", 1, 1)).isFalse();
    }

    @Test
    void racingMessagesToOneRecipientNeverPassTheLimit() throws Exception {
        List<Boolean> admitted = ConcurrentCalls.run(12, i -> admit(SUBJECT, "m" + i, 0, 5));

        assertThat(admitted).filteredOn(Boolean::booleanValue).hasSize(5);
        assertThat(admit(SUBJECT, "late", 1, 5)).isFalse();
    }

    @Test
    void aForgottenRecipientStartsAfreshAndOthersKeepTheirCount() {
        assertThat(admit(SUBJECT, "m1", 0, 1)).isTrue();
        assertThat(admit(OTHER, "o1", 0, 1)).isTrue();

        quota.forget(SUBJECT);
        quota.forget("EMAIL:never-counted");

        assertThat(admit(SUBJECT, "m2", 1, 1)).isTrue();
        assertThat(admit(OTHER, "o2", 1, 1)).isFalse();
    }
}
