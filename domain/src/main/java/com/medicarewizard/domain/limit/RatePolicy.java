package com.medicarewizard.domain.limit;

import java.time.Instant;
import java.util.Optional;

/**
 * A named rule for how often a subject may do something, as pure arithmetic on its
 * {@link Allowance}: the store reads the allowance, asks the policy, and writes the answer back
 * conditionally on what it read, so that concurrent uses are counted one by one.
 */
public sealed interface RatePolicy permits FixedWindow, GrowingDelay {

    /** One more use at {@code now}, given the stored allowance (none: never used, or forgotten). */
    Verdict take(Optional<Allowance> current, Instant now);

    /** The allowance after handing back one use that turned out not to count; never below nothing used. */
    Allowance giveBack(Allowance current, Instant now);

    /** From when the allowance is whole again on its own, so the store may forget it (the TTL). */
    Instant forgetAt(Allowance allowance);
}
