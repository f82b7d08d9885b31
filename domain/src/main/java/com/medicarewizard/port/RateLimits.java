package com.medicarewizard.port;

import com.medicarewizard.domain.limit.RatePolicy;
import com.medicarewizard.domain.limit.Verdict;

import java.time.Instant;

/**
 * Allowances per subject (an account, a client address, a patient; subjects are hashed or
 * otherwise free of personal data), for the rate limits: log-in attempts, registrations,
 * reservation requests. A use is taken <em>before</em> the work it pays for, atomically across
 * processes: of many concurrent takes, no more are granted than the policy allows. Stored
 * allowances expire on their own once the policy would have forgotten them.
 */
public interface RateLimits {

    /**
     * Takes one use of the subject's allowance at {@code now}: granted, or refused with how long to
     * wait. A store that cannot settle a take amid heavy contention refuses it for a second rather
     * than grant beyond the policy.
     */
    Verdict take(String subject, RatePolicy policy, Instant now);

    /** Hands back one use that turned out not to count (a correct log-in from an address). */
    void giveBack(String subject, RatePolicy policy, Instant now);

    /** Forgets the subject's uses (a correct log-in clears the failures of its account). */
    void reset(String subject);
}
