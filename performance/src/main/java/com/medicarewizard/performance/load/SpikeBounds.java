package com.medicarewizard.performance.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The spike's bounds (Done-when 1 of issue 15) judged on what {@link SpikeCheck} found: every
 * request answered 202 or 4xx within the window + 5 s, 202 p99 under {@value #ACCEPT_P99_MILLIS} ms,
 * every 202 decided within 30 s, no stall of {@value #STALL_MILLIS} ms in decisions, no resource
 * booked twice. One definition for the check's exit code and the report's targets. The 202 p99 is
 * a bound only where the check was told to apply it ({@code latencyBound=true}: the full spike);
 * a small run on a busy CI machine reports it without failing on it.
 */
final class SpikeBounds {
    static final long ACCEPT_P99_MILLIS = 100;
    static final long DECIDE_MILLIS = 30_000;
    static final long STALL_MILLIS = 5_000;

    private SpikeBounds() {
    }

    static List<Target> of(Properties check) {
        List<Target> targets = new ArrayList<>();
        long sent = get(check, "sent");
        if (sent >= 0) {
            long inWindow = get(check, "answeredInWindow");
            long other = get(check, "answeredOther");
            // the requests the generator was to send, when it says: one it never sent is not answered either
            long planned = Math.max(sent, get(check, "planned"));
            targets.add(new Target("spike: every request answered (202 or 4xx) within the window + 5 s",
                    sent > 0 && inWindow == planned && other == 0, Format.count(inWindow) + " of " + Format.count(planned)
                    + (other > 0 ? " (" + Format.count(other) + " answered otherwise)" : "")
                    + (sent < planned ? " (" + Format.count(planned - sent) + " never sent)" : "")));
            long p99 = get(check, "p99AcceptMillis");
            boolean applied = Boolean.parseBoolean(check.getProperty("latencyBound", "false").trim());
            targets.add(new Target("spike: 202 p99 < 100 ms", !applied || p99 < ACCEPT_P99_MILLIS,
                    "p99 " + Format.millis(p99) + (applied ? "" : " (not a bound for this small run)")));
        }
        long accepted = sent >= 0 ? get(check, "answered202") : get(check, "decided");
        long within = get(check, "decidedWithin30s");
        long pending = get(check, "pending");
        long recorded = get(check, "requests");
        targets.add(new Target("spike: every 202 decided within 30 s",
                accepted > 0 && within >= accepted && pending == 0 && recorded >= accepted,
                Format.count(Math.max(within, 0)) + " of " + Format.count(Math.max(accepted, 0))
                + (pending > 0 ? ", " + Format.count(pending) + " still pending" : "")));
        long stall = get(check, "longestStallMillis");
        targets.add(new Target("spike: no 5-second stall in decisions", stall >= 0 && stall < STALL_MILLIS,
                stall < 0 ? "not measured" : "longest " + Format.millis(stall)));
        long doubles = get(check, "doubleBookings");
        long breaches = Math.max(0, get(check, "breaches"));
        targets.add(new Target("spike: 0 double bookings", doubles == 0 && breaches == 0,
                doubles < 0 ? "not checked" : breaches > 0 ? doubles + " (" + breaches + " rules broken)" : String.valueOf(doubles)));
        return targets;
    }

    /** The targets a spike without its check would have: each one missed, as nothing was checked. */
    static List<Target> unchecked() {
        return List.of(new Target("spike: checked over the table (SpikeCheck)", false, "not checked"));
    }

    private static long get(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null ? -1 : Long.parseLong(value.trim());
    }
}
