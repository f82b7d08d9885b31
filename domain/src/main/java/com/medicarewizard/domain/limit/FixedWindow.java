package com.medicarewizard.domain.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * At most {@code limit} uses per {@code window}, the window opened by its first use: the use after
 * the limit waits until that window closes. Simple and cheap to store (one counter), at the price
 * of allowing up to twice the limit across the boundary of two windows.
 */
public record FixedWindow(int limit, Duration window) implements RatePolicy {

    public FixedWindow {
        Objects.requireNonNull(window, "window");
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a fixed window needs a positive limit and length");
        }
    }

    @Override
    public Verdict take(Optional<Allowance> current, Instant now) {
        Allowance open = current.filter(a -> now.isBefore(forgetAt(a))).orElse(Allowance.fresh(now));
        if (open.used() >= limit) {
            return new Verdict.Refused(Duration.between(now, forgetAt(open)));
        }
        return new Verdict.Granted(new Allowance(open.used() + 1, open.since(), open.next()));
    }

    @Override
    public Allowance giveBack(Allowance current, Instant now) {
        return new Allowance(Math.max(0, current.used() - 1), current.since(), current.next());
    }

    @Override
    public Instant forgetAt(Allowance allowance) {
        return allowance.since().plus(window);
    }
}
