package com.medicarewizard.intake.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret read from where it is kept (Secrets Manager in AWS) on first use — never when the function
 * starts, so no secret is in a SnapStart snapshot — and kept {@link #KEEP} (five minutes), so that a
 * rotated secret is used within minutes without a read per request. A read that fails counts as no
 * secret (fail closed: operators are refused) and is
 * tried again after {@link #KEEP_FAILURE}, so that an outage of the store costs one call per half
 * minute, not one per request. The failure is logged without the secret's name or value.
 */
public final class CachedSecret implements Secret {
    public static final Duration KEEP = Duration.ofMinutes(5);
    public static final Duration KEEP_FAILURE = Duration.ofSeconds(30);
    private static final Logger LOG = LogManager.getLogger(CachedSecret.class);
    private static final String ONLY = "secret";
    private final LoadingCache<String, Optional<String>> cache;

    /**
     * @param what   what the secret is for, for the log line of a failed read
     * @param source reads the secret where it is kept; may throw when it cannot
     */
    public CachedSecret(String what, Secret source) {
        this(what, source, Ticker.systemTicker());
    }

    CachedSecret(String what, Secret source, Ticker ticker) {
        Objects.requireNonNull(source, "source");
        this.cache = Caffeine.newBuilder().ticker(ticker)
                .expireAfter(Expiry.<String, Optional<String>>creating((key, value) -> value.isPresent() ? KEEP : KEEP_FAILURE))
                .build(key -> read(what, source));
    }

    private static Optional<String> read(String what, Secret source) {
        try {
            return source.value().map(String::strip).filter(s -> !s.isEmpty());
        } catch (RuntimeException e) {
            LOG.warn("the {} could not be read ({}); refused until it can", what, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> value() {
        return cache.get(ONLY);
    }
}
