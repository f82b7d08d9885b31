package com.medicarewizard.functions;

import java.util.Map;
import java.util.Optional;

/**
 * The limits that keep one patient or one address from running up the center's bill, read by the
 * intake and the allocator (bookings) and by the notifier and its retrier (messages).
 *
 * @param activeBookingsPerPatient   bookings ahead one patient may hold ({@value #ACTIVE_BOOKINGS})
 * @param messagesPerRecipientPerHour messages one address may get on one channel within an hour
 *                                    ({@value #MESSAGES_PER_HOUR})
 */
public record AbuseLimits(int activeBookingsPerPatient, int messagesPerRecipientPerHour) {

    public static final String ACTIVE_BOOKINGS = "MCW_MAX_ACTIVE_BOOKINGS";
    public static final String MESSAGES_PER_HOUR = "MCW_MAX_MESSAGES_PER_HOUR";

    public AbuseLimits {
        if (activeBookingsPerPatient < 1 || messagesPerRecipientPerHour < 1) {
            throw new IllegalArgumentException(ACTIVE_BOOKINGS + " and " + MESSAGES_PER_HOUR + " must be at least 1");
        }
    }

    /** These limits, each replaced by its variable when the environment sets it. */
    public AbuseLimits overriddenBy(Map<String, String> env) {
        return new AbuseLimits(integer(env, ACTIVE_BOOKINGS, activeBookingsPerPatient),
                integer(env, MESSAGES_PER_HOUR, messagesPerRecipientPerHour));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        Optional<String> value = Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value.get() + "'");
        }
    }
}
