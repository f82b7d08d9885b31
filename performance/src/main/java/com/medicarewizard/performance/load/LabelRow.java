package com.medicarewizard.performance.load;

/** One line of a scenario's summary table: a label's latency, errors and throughput. */
record LabelRow(String label, Latency latency, int errors, double throughput) {

    double errorPercent() {
        return latency.count() == 0 ? 0 : 100.0 * errors / latency.count();
    }
}
