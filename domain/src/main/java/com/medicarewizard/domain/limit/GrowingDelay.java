package com.medicarewizard.domain.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows a subject down instead of locking it: the first {@code free} uses are immediate; from then
 * on each further use must wait {@code first}, then twice that, and so on, never more than
 * {@code cap} after the one before. A subject left alone for {@code forgetAfter} past its last
 * wait starts afresh. With 5 free uses, 1 s and a 5-minute cap, the waits are 1, 2, 4, …, 256,
 * 300, 300 s: a mistyping patient barely notices, a guesser gets about 300 tries a day.
 */
public record GrowingDelay(int free, Duration first, Duration cap, Duration forgetAfter) implements RatePolicy {
    /** 2^30 seconds is over 30 years: no cap is ever that long, and the shift cannot overflow. */
    private static final int MAX_DOUBLINGS = 30;

    public GrowingDelay {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(forgetAfter, "forget after");
        if (free < 0 || !positive(first) || cap.compareTo(first) < 0 || !positive(forgetAfter)) {
            throw new IllegalArgumentException("a growing delay needs free >= 0, 0 < first <= cap and a positive forget-after");
        }
    }

    @Override
    public Verdict take(Optional<Allowance> current, Instant now) {
        Allowance open = current.filter(a -> now.isBefore(forgetAt(a))).orElse(Allowance.fresh(now));
        // A free use is granted whatever the clocks say: a request that read the clock a moment before
        // a concurrent one was granted would otherwise be told to wait for a use it is owed.
        if (open.used() >= free && now.isBefore(open.next())) {
            return new Verdict.Refused(Duration.between(now, open.next()));
        }
        long used = open.used() + 1;
        Instant next = now.plus(delayAfter(used));
        return new Verdict.Granted(new Allowance(used, open.since(), next.isBefore(open.next()) ? open.next() : next));
    }

    @Override
    public Allowance giveBack(Allowance current, Instant now) {
        long used = Math.max(0, current.used() - 1);
        Instant sooner = now.plus(delayAfter(used));
        return new Allowance(used, current.since(), sooner.isBefore(current.next()) ? sooner : current.next());
    }

    @Override
    public Instant forgetAt(Allowance allowance) {
        return allowance.next().plus(forgetAfter);
    }

    /** The wait before the use that follows {@code used} uses. */
    public Duration delayAfter(long used) {
        if (used < free) {
            return Duration.ZERO;
        }
        long doublings = Math.min(used - free, MAX_DOUBLINGS);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
