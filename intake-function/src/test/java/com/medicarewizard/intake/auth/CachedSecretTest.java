package com.medicarewizard.intake.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A secret read at first use, kept five minutes (rotation), and refused while it cannot be read. */
class CachedSecretTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<String> stored = new AtomicReference<>("first-operator-token-0123456789");
    private final AtomicReference<RuntimeException> outage = new AtomicReference<>();
    private final Secret source = () -> {
        reads.incrementAndGet();
        if (outage.get() != null) {
            throw outage.get();
        }
        return Optional.ofNullable(stored.get());
    };

    @Test
    void isReadAtFirstUseNotWhenBuilt() {
        CachedSecret secret = new CachedSecret("operator token", source, ticker);
        assertThat(reads).hasValue(0);

        assertThat(secret.value()).contains("first-operator-token-0123456789");
        assertThat(reads).hasValue(1);
    }

    @Test
    void isKeptFiveMinutesThenTheRotatedValueIsRead() {
        CachedSecret secret = new CachedSecret("operator token", source, ticker);
        secret.value();
        stored.set("rotated-operator-token-0123456789");

        advance(CachedSecret.KEEP.minusSeconds(1));
        assertThat(secret.value()).contains("first-operator-token-0123456789");
        advance(Duration.ofSeconds(2));
        assertThat(secret.value()).contains("rotated-operator-token-0123456789");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadIsNoSecretAndIsTriedAgainAfterHalfAMinute() {
        CachedSecret secret = new CachedSecret("operator token", source, ticker);
        outage.set(new IllegalStateException("AccessDenied"));

        assertThat(secret.value()).isEmpty();
        assertThat(secret.value()).isEmpty();
        assertThat(reads).as("one call per half minute during an outage").hasValue(1);

        outage.set(null);
        advance(CachedSecret.KEEP_FAILURE.plusSeconds(1));
        assertThat(secret.value()).contains("first-operator-token-0123456789");
    }

    @Test
    void aBlankSecretIsNone() {
        stored.set("  ");
        assertThat(new CachedSecret("operator token", source, ticker).value()).isEmpty();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
