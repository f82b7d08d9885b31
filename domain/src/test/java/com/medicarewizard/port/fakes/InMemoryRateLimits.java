package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.limit.Allowance;
import com.medicarewizard.domain.limit.RatePolicy;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.port.RateLimits;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Allowances in memory, one lock for all. */
public final class InMemoryRateLimits implements RateLimits {
    private final Map<String, Allowance> allowances = new HashMap<>();

    @Override
    public synchronized Verdict take(String subject, RatePolicy policy, Instant now) {
        Verdict verdict = policy.take(Optional.ofNullable(allowances.get(subject)), now);
        if (verdict instanceof Verdict.Granted(Allowance next)) {
            allowances.put(subject, next);
        }
        return verdict;
    }

    @Override
    public synchronized void giveBack(String subject, RatePolicy policy, Instant now) {
        allowances.computeIfPresent(subject, (s, allowance) -> policy.giveBack(allowance, now));
    }

    @Override
    public synchronized void reset(String subject) {
        allowances.remove(subject);
    }

    /** The subjects with a stored allowance and their uses. */
    public synchronized Map<String, Long> used() {
        Map<String, Long> used = new HashMap<>();
        allowances.forEach((subject, allowance) -> used.put(subject, allowance.used()));
        return used;
    }
}
