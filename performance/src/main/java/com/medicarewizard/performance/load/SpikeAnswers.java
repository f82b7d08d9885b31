package com.medicarewizard.performance.load;

import java.util.List;
import java.util.Properties;

/**
 * How the edge answered the spike, from its JMeter samples ({@code spike: request}): how many were
 * sent, answered 202, answered with a 4xx, or otherwise (a 5xx, a timeout, a refused connection);
 * how many got their 202 or 4xx within the firing window plus {@value #GRACE_MILLIS} ms of the first
 * request (Done-when 1 of issue 15), and the 202s' latency.
 */
record SpikeAnswers(long sent, long accepted, long refused, long other, long inWindow, long windowMillis, Latency accepts) {
    /** Every request must be answered within the window plus this. */
    static final long GRACE_MILLIS = 5_000;

    static SpikeAnswers of(List<Sample> samples, long windowMillis) {
        List<Sample> requests = samples.stream().filter(s -> s.label().equals(Labels.SPIKE_REQUEST)).toList();
        long first = requests.stream().mapToLong(Sample::startMillis).min().orElse(0);
        long deadline = first + windowMillis + GRACE_MILLIS;
        List<Sample> accepted = requests.stream().filter(SpikeAnswers::accepted).toList();
        long refused = requests.stream().filter(SpikeAnswers::refused).count();
        long inWindow = requests.stream().filter(s -> (accepted(s) || refused(s)) && s.endMillis() <= deadline).count();
        return new SpikeAnswers(requests.size(), accepted.size(), refused, requests.size() - accepted.size() - refused,
                inWindow, windowMillis, Latency.of(accepted));
    }

    private static boolean accepted(Sample s) {
        return s.responseCode().equals("202");
    }

    private static boolean refused(Sample s) {
        return refused(s.responseCode());
    }

    private static boolean refused(String code) {
        return code.length() == 3 && code.startsWith("4");
    }

    /** Whether a response code is an answer the spike allows: 202, or a 4xx problem. */
    static boolean answered(String code) {
        return code.equals("202") || refused(code);
    }

    void putInto(Properties p) {
        p.setProperty("sent", String.valueOf(sent));
        p.setProperty("answered202", String.valueOf(accepted));
        p.setProperty("answered4xx", String.valueOf(refused));
        p.setProperty("answeredOther", String.valueOf(other));
        p.setProperty("answeredInWindow", String.valueOf(inWindow));
        p.setProperty("windowMillis", String.valueOf(windowMillis));
        p.setProperty("p50AcceptMillis", String.valueOf(accepts.p50()));
        p.setProperty("p99AcceptMillis", String.valueOf(accepts.p99()));
        p.setProperty("maxAcceptMillis", String.valueOf(accepts.max()));
    }
}
