package com.medicarewizard.performance.load;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the spike scenario showed: its answers, decisions and stalls as {@link SpikeCheck} found them
 * (the plan does not poll: 2,000 pollers would be a load of their own, so decisions are measured
 * over the table, from each request's arrival to its decision), and how high the queue rose and how
 * long it took to drain.
 */
record SpikeFigures(Optional<Properties> check, Optional<QueueDrain> drain) {

    static SpikeFigures of(Scenario spike) {
        return new SpikeFigures(spike.spikeCheck(),
                spike.queue().isEmpty() ? Optional.empty() : Optional.of(QueueDrain.of(spike.queue())));
    }

    /** The bounds, judged; a spike that was never checked misses them. */
    List<Target> targets() {
        return check.map(SpikeBounds::of).orElseGet(SpikeBounds::unchecked);
    }

    long checked(String key) {
        return check.map(p -> p.getProperty(key)).map(v -> Long.parseLong(v.trim())).orElse(-1L);
    }
}
