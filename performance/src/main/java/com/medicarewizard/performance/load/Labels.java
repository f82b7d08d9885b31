package com.medicarewizard.performance.load;

import java.util.Comparator;
import java.util.List;

/** The sample labels the load-test plan uses, in the order the report lists them. */
final class Labels {
    static final String LOG_IN = "3 log in";
    /** Log-in answered 503 (hashing saturated) and sent again after its Retry-After: counted, not an error. */
    static final String LOGIN_RETRIED = LOG_IN + " · 503, retried";
    /** The log-in's last answer (200, or what made the page give up), apart from the Retry-After waits before it. */
    static final String LOGIN_ANSWERED = LOG_IN + " · answered";
    /** {@code GET} of the reservation with {@code Prefer: wait=20}: answered when decided. */
    static final String WAIT = "6 book: wait";
    /** The page's 300 ms poll, once an answer came without {@code Preference-Applied}. */
    static final String POLL = "6 book: poll";
    static final String BOOKED = "6 book an exam (end to end)";
    static final String REJECTED = "6 book an exam, rejected (end to end)";
    static final String CEILING = "ceiling: trivial endpoint";
    /** Log-ins alone, no think time: what the password hash lets through on this machine. */
    static final String LOGIN_CEILING = "ceiling: log in";
    static final String SPIKE_REQUEST = "spike: request";
    static final List<String> KNOWN = List.of("1 home", "2 login page", LOG_IN, LOGIN_RETRIED, LOGIN_ANSWERED,
            "4 booking page",
            "5 my bookings", "6 book: request", WAIT, POLL, BOOKED, REJECTED, "7 cancel", CEILING, LOGIN_CEILING,
            SPIKE_REQUEST);
    /** Known labels in the plan's order, then the others alphabetically. */
    static final Comparator<String> ORDER = Comparator.comparingInt(Labels::rank).thenComparing(Comparator.naturalOrder());

    private Labels() {
    }

    /** A phase after the journey that measures one endpoint alone, over its own time. */
    static boolean isCeiling(String label) {
        return label.startsWith("ceiling:");
    }

    /**
     * What the 50 ms p99 target is about: every step and request but log in (and its retried 503s),
     * the wait for the decision, polls, end to end and the ceilings.
     */
    static boolean isTargetStep(String label) {
        return !isEndToEnd(label) && !isPoll(label) && !label.startsWith(LOG_IN) && !isCeiling(label);
    }

    /** The plan's own set-up and tear-down (logging the test users in, keeping their device tokens): not measured. */
    static boolean isSetup(String label) {
        return label.startsWith("setup") || label.startsWith("teardown");
    }

    /** A whole booking or spike request from the first request to its decision. */
    static boolean isEndToEnd(String label) {
        return label.endsWith("(end to end)");
    }

    static boolean isBookingEndToEnd(String label) {
        return label.equals(BOOKED) || label.equals(REJECTED);
    }

    /** A request that waits for the decision: the page's poll, or its {@code Prefer: wait} GET. */
    static boolean isPoll(String label) {
        return label.endsWith(": poll") || label.endsWith(": wait");
    }

    private static int rank(String label) {
        int index = KNOWN.indexOf(label);
        return index < 0 ? KNOWN.size() : index;
    }
}
