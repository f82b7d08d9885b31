package com.medicarewizard.domain.operations;

import com.medicarewizard.domain.reservation.Reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The most requests waiting for a decision at once within a span of time, rebuilt from when each was
 * accepted and decided: a burst the allocator drains in a second is seen whole, where a gauge read
 * every few seconds would show nothing. The requests given must hold every one that waited within the
 * span: those decided at or after its start and those still pending (a request decided before the
 * span is not waiting in it).
 */
public final class WaitingPeak {

    private WaitingPeak() {
    }

    /** @param requests every request decided at or after {@code from}, and every request still pending */
    public static long within(Collection<Reservation> requests, Instant from, Instant to) {
        long waiting = 0;
        List<long[]> changes = new ArrayList<>();
        for (Reservation request : requests) {
            Instant accepted = request.requestedAt();
            Instant decided = request.decidedAt().orElse(Instant.MAX);
            if (accepted.isAfter(to) || !decided.isAfter(from)) {
                continue;
            }
            if (accepted.isAfter(from)) {
                changes.add(new long[] {nanos(accepted), 1});
            } else {
                waiting++;
            }
            if (!decided.isAfter(to)) {
                changes.add(new long[] {nanos(decided), -1});
            }
        }
        // at one instant, decisions before arrivals: a request decided as another arrives frees its place first
        changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long peak = waiting;
        for (long[] change : changes) {
            waiting += change[1];
            peak = Math.max(peak, waiting);
        }
        return peak;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
