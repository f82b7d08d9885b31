package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.port.LoginAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing. Failures are counted per account ({@code account:<sha256(email)>},
 * so no address is stored) and per client address ({@code ip:<address>}); at the limit a log-in is
 * refused with 429 before the password is even checked, until enough failures have left the
 * window. Only failures are recorded; a success clears the account's.
 */
public final class LoginThrottle {
    private final LoginAttempts attempts;
    private final IntakeConfig.Throttle policy;

    public LoginThrottle(LoginAttempts attempts, IntakeConfig.Throttle policy) {
        this.attempts = attempts;
        this.policy = policy;
    }

    /** The subjects one log-in attempt counts against. */
    public record Subjects(String account, String address) {
        public static Subjects of(String email, String sourceIp) {
            return new Subjects("account:" + Digests.sha256Hex(email.strip().toLowerCase(Locale.ROOT)), "ip:" + sourceIp);
        }
    }

    /** The 429 to answer when either subject is at its limit, with Retry-After in whole seconds. */
    public Optional<Problem> refusal(Subjects subjects, Instant now) {
        Instant since = windowStart(now);
        Optional<Duration> wait = max(
                waitFor(attempts.failuresSince(subjects.account(), since), policy.accountFailures(), now),
                waitFor(attempts.failuresSince(subjects.address(), since), policy.addressFailures(), now));
        return wait.map(LoginThrottle::tooManyAttempts);
    }

    public void failed(Subjects subjects, Instant now) {
        Instant since = windowStart(now);
        attempts.recordFailure(subjects.account(), now, since);
        attempts.recordFailure(subjects.address(), now, since);
    }

    public void succeeded(Subjects subjects) {
        attempts.clear(subjects.account());
    }

    /**
     * The port counts failures at or after its {@code since}; a failure exactly one window old has
     * left the window, so that Retry-After seconds from now the log-in is indeed allowed.
     */
    private Instant windowStart(Instant now) {
        return now.minus(policy.window()).plusNanos(1);
    }

    /** How long until fewer than {@code limit} of {@code failures} (oldest first) are in the window. */
    private Optional<Duration> waitFor(List<Instant> failures, int limit, Instant now) {
        if (failures.size() < limit) {
            return Optional.empty();
        }
        Instant leaves = failures.get(failures.size() - limit).plus(policy.window());
        return Optional.of(Duration.between(now, leaves));
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(d -> d.compareTo(a.get()) > 0).or(() -> a);
    }

    private static Problem tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Problem.of(429, "too-many-attempts", "Too Many Requests",
                        "Too many failed log-ins; try again in " + seconds + " seconds.")
                .withHeader("Retry-After", Long.toString(seconds));
    }
}
