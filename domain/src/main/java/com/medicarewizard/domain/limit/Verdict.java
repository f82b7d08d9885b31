package com.medicarewizard.domain.limit;

import java.time.Duration;
import java.util.Objects;

/** What taking one use of an allowance came to: granted (and the allowance as it now stands), or refused for a while. */
public sealed interface Verdict {

    default boolean granted() {
        return this instanceof Granted;
    }

    record Granted(Allowance allowance) implements Verdict {
        public Granted {
            Objects.requireNonNull(allowance, "allowance");
        }
    }

    /** Try again after {@code retryAfter}; {@link #retryAfterSeconds()} is what a Retry-After header says. */
    record Refused(Duration retryAfter) implements Verdict {
        public Refused {
            Objects.requireNonNull(retryAfter, "retry after");
        }

        /** Whole seconds, rounded up, at least one: waiting that long is always enough. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
