package com.medicarewizard.performance.load;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How high the reservation queue rose and how long it took to empty: from the first poll with a
 * queue depth above 0 to the first poll after the peak with nothing queued or in flight.
 */
record QueueDrain(long peakDepth, OptionalDouble drainSeconds) {

    static QueueDrain of(List<QueueRow> rows) {
        int first = -1;
        int peak = -1;
        for (int i = 0; i < rows.size(); i++) {
            long depth = rows.get(i).queueDepth();
            if (depth > 0 && first < 0) {
                first = i;
            }
            if (depth > 0 && (peak < 0 || depth > rows.get(peak).queueDepth())) {
                peak = i;
            }
        }
        if (first < 0) {
            return new QueueDrain(0, OptionalDouble.of(0));
        }
        for (int i = peak + 1; i < rows.size(); i++) {
            if (rows.get(i).waiting() == 0) {
                double seconds = (rows.get(i).epochMillis() - rows.get(first).epochMillis()) / 1000.0;
                return new QueueDrain(rows.get(peak).queueDepth(), OptionalDouble.of(seconds));
            }
        }
        return new QueueDrain(rows.get(peak).queueDepth(), OptionalDouble.empty());
    }
}
