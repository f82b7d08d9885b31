package com.medicarewizard.performance.load;

/** One poll of the operator pipeline figures, as the {@link QueueMonitor} writes it. */
record QueueRow(long epochMillis, long queueDepth, long inFlight, double oldestAgeSeconds, long deadLetters) {
    static final String HEADER = "epochMillis,queueDepth,inFlight,oldestAgeSeconds,deadLetters";

    long waiting() {
        return queueDepth + inFlight;
    }

    String toCsv() {
        return epochMillis + "," + queueDepth + "," + inFlight + "," + oldestAgeSeconds + "," + deadLetters;
    }
}
