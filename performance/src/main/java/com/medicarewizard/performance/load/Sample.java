package com.medicarewizard.performance.load;

/** One JMeter sample: when it started (epoch ms), how long it took (ms), its label and outcome. */
record Sample(long startMillis, long elapsedMillis, String label, boolean success) {

    long endMillis() {
        return startMillis + elapsedMillis;
    }
}
