package com.medicarewizard.intake;

import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.domain.limit.GrowingDelay;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The intake's rate limits, each a policy of the one {@link com.medicarewizard.port.RateLimits}
 * mechanism (docs/adr/0006-log-in-throttling.md explains the log-in ones).
 *
 * @param loginPerAccount      log-ins to one account from clients it does not know: 5 at once, then 1, 2, 4, … s apart, at most 5 min
 * @param loginPerAddress      log-ins from one client address that it does not know: 20 at once, then the same growing waits;
 *                             a correct log-in does not count
 * @param loginPerDevice       log-ins with one device token (given on a correct log-in; it exempts that client from the two above)
 * @param registrationsPerAddress registrations from one client address: 30 an hour ({@code MCW_REGISTRATIONS_PER_ADDRESS_PER_HOUR})
 * @param registrationsPerEmail   registrations of one e-mail address: 5 an hour (a 409 tells whether it has an account)
 * @param reservationRequests  reservation requests of one patient: 20 a minute ({@code MCW_RESERVATION_REQUESTS_PER_MINUTE})
 * @param resets               password resets: codes sent and codes tried
 */
public record Limits(GrowingDelay loginPerAccount, GrowingDelay loginPerAddress, GrowingDelay loginPerDevice,
                     FixedWindow registrationsPerAddress, FixedWindow registrationsPerEmail,
                     FixedWindow reservationRequests, ResetLimits resets) {
    public static final int RESERVATION_REQUESTS_PER_MINUTE = 20;
    static final int MAX_RESERVATION_REQUESTS_PER_MINUTE = 10_000;
    static final int MAX_REGISTRATIONS_PER_ADDRESS_PER_HOUR = 100_000;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    public Limits {
        Objects.requireNonNull(loginPerAccount, "log-ins per account");
        Objects.requireNonNull(loginPerAddress, "log-ins per address");
        Objects.requireNonNull(loginPerDevice, "log-ins per device");
        Objects.requireNonNull(registrationsPerAddress, "registrations per address");
        Objects.requireNonNull(registrationsPerEmail, "registrations per e-mail");
        Objects.requireNonNull(reservationRequests, "reservation requests");
        Objects.requireNonNull(resets, "resets");
    }

    /**
     * @param codesPerEmail   reset codes sent to one e-mail address: 3 an hour (each is an e-mail to someone's inbox)
     * @param codesPerAddress reset codes asked for from one client address: 20 an hour
     * @param triesPerAddress codes tried from one client address: 30 an hour (each reset also takes only 5 wrong ones)
     */
    public record ResetLimits(FixedWindow codesPerEmail, FixedWindow codesPerAddress, FixedWindow triesPerAddress) {
        public ResetLimits {
            Objects.requireNonNull(codesPerEmail, "codes per e-mail");
            Objects.requireNonNull(codesPerAddress, "codes per address");
            Objects.requireNonNull(triesPerAddress, "tries per address");
        }

        public static ResetLimits standard() {
            Duration hour = Duration.ofHours(1);
            return new ResetLimits(new FixedWindow(3, hour), new FixedWindow(20, hour), new FixedWindow(30, hour));
        }
    }

    public static Limits standard() {
        return new Limits(delays(5), delays(20), delays(5), new FixedWindow(30, Duration.ofHours(1)),
                new FixedWindow(5, Duration.ofHours(1)), perMinute(RESERVATION_REQUESTS_PER_MINUTE), ResetLimits.standard());
    }

    /**
     * Reads {@code MCW_RESERVATION_REQUESTS_PER_MINUTE} (1–10000; blank or absent: 20) and
     * {@code MCW_REGISTRATIONS_PER_ADDRESS_PER_HOUR} (1–100000; blank or absent: 30 — every local client
     * is 127.0.0.1, so a load test of many patients on one machine raises it); the rest is standard.
     */
    public static Limits fromEnvironment(Map<String, String> env) {
        Limits limits = standard();
        Optional<Integer> perMinute = whole(env, "MCW_RESERVATION_REQUESTS_PER_MINUTE", MAX_RESERVATION_REQUESTS_PER_MINUTE);
        if (perMinute.isPresent()) {
            limits = limits.withReservationRequests(perMinute(perMinute.get()));
        }
        Optional<Integer> perHour = whole(env, "MCW_REGISTRATIONS_PER_ADDRESS_PER_HOUR", MAX_REGISTRATIONS_PER_ADDRESS_PER_HOUR);
        if (perHour.isPresent()) {
            limits = limits.withRegistrationsPerAddress(new FixedWindow(perHour.get(), Duration.ofHours(1)));
        }
        return limits;
    }

    private static Optional<Integer> whole(Map<String, String> env, String name, int max) {
        Optional<String> text = Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max);
        }
        return Optional.of(value);
    }

    public Limits withReservationRequests(FixedWindow policy) {
        return new Limits(loginPerAccount, loginPerAddress, loginPerDevice, registrationsPerAddress,
                registrationsPerEmail, policy, resets);
    }

    public Limits withRegistrationsPerAddress(FixedWindow policy) {
        return new Limits(loginPerAccount, loginPerAddress, loginPerDevice, policy, registrationsPerEmail,
                reservationRequests, resets);
    }

    private static GrowingDelay delays(int free) {
        return new GrowingDelay(free, FIRST_WAIT, LONGEST_WAIT, FORGET_AFTER);
    }

    private static FixedWindow perMinute(int requests) {
        return new FixedWindow(requests, Duration.ofMinutes(1));
    }
}
