package com.medicarewizard.performance.load;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the spike scenario showed: how fast every request was answered (202) and decided, how high
 * the queue rose and how long it took to drain, and the double-booking check.
 */
record SpikeFigures(Latency requests, long answeredInTime, Latency decided, long decidedInTime, Optional<QueueDrain> drain,
        Optional<Properties> check) {
    static final long ANSWER_MILLIS = 5_000;
    static final long DECIDE_MILLIS = 30_000;

    static SpikeFigures of(Scenario spike) {
        List<Sample> requests = spike.samples(Labels.SPIKE_REQUEST::equals);
        List<Sample> decided = spike.samples(Labels.SPIKE_DECIDED::equals);
        // the plan does not poll (2,000 pollers would be a load of their own): the spike check measures
        // each decision over the table, from the request's arrival to its decision
        long decidedInTime = spike.spikeCheck()
                .map(p -> Long.parseLong(p.getProperty("decidedWithin30s", "0").trim()))
                .orElseGet(() -> within(decided, DECIDE_MILLIS));
        return new SpikeFigures(Latency.of(requests), within(requests, ANSWER_MILLIS), Latency.of(decided),
                decidedInTime,
                spike.queue().isEmpty() ? Optional.empty() : Optional.of(QueueDrain.of(spike.queue())), spike.spikeCheck());
    }

    /** Successful samples that took at most {@code millis}. */
    private static long within(List<Sample> samples, long millis) {
        return samples.stream().filter(s -> s.success() && s.elapsedMillis() <= millis).count();
    }

    long checked(String key) {
        return check.map(p -> Long.parseLong(p.getProperty(key, "-1").trim())).orElse(-1L);
    }

    boolean allAnswered() {
        return requests.count() > 0 && answeredInTime == requests.count();
    }

    boolean allDecided() {
        return requests.count() > 0 && decidedInTime == requests.count() && checked("pending") <= 0;
    }

    boolean noDoubleBookings() {
        return checked("doubleBookings") == 0;
    }
}
