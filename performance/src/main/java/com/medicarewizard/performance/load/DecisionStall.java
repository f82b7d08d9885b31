package com.medicarewizard.performance.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The longest time the allocator left requests waiting without deciding any: over the requests'
 * arrival and decision times (epoch ms, read from the table), the longest interval during which at
 * least one request was accepted and not yet decided and no decision was made. It starts when a
 * request arrives to an empty queue or at the last decision, and ends at the next decision. A
 * request never decided is not counted here (the check's {@code pending} catches it).
 */
final class DecisionStall {
    private DecisionStall() {
    }

    /** One request: when it arrived and when it was decided. */
    record Request(long arrivedMillis, long decidedMillis) {
        Request {
            if (decidedMillis < arrivedMillis) {
                throw new IllegalArgumentException("decided at " + decidedMillis + " before arriving at " + arrivedMillis);
            }
        }
    }

    /** The longest stall in milliseconds; 0 when nothing ever waited. */
    static long longestMillis(List<Request> requests) {
        // arrivals sort before decisions at the same instant: a request decided the moment it
        // arrived waited 0 ms, it did not leave the queue empty in between
        record Event(long at, int change) {
        }
        List<Event> events = new ArrayList<>(2 * requests.size());
        for (Request r : requests) {
            events.add(new Event(r.arrivedMillis(), +1));
            events.add(new Event(r.decidedMillis(), -1));
        }
        events.sort(Comparator.comparingLong(Event::at).thenComparing(Event::change, Comparator.reverseOrder()));
        long waiting = 0;
        long since = 0;
        long longest = 0;
        for (Event e : events) {
            if (e.change() > 0) {
                if (waiting == 0) {
                    since = e.at();
                }
                waiting++;
            } else {
                longest = Math.max(longest, e.at() - since);
                since = e.at();
                waiting--;
            }
        }
        return longest;
    }
}
