package com.medicarewizard.performance.load;

/**
 * One JMeter sample: when it started (epoch ms), how long it took (ms), its label and outcome, and
 * the HTTP status it got ({@code ""} when the results file has none, e.g. a script's own sample).
 */
record Sample(long startMillis, long elapsedMillis, String label, boolean success, String responseCode) {

    Sample(long startMillis, long elapsedMillis, String label, boolean success) {
        this(startMillis, elapsedMillis, label, success, "");
    }

    long endMillis() {
        return startMillis + elapsedMillis;
    }
}
