package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpikeBoundsTest {
    private static final String MET = """
            sent=2000
            planned=2000
            answered202=1990
            answered4xx=10
            answeredOther=0
            answeredInWindow=2000
            windowMillis=2000
            p50AcceptMillis=20
            p99AcceptMillis=99
            maxAcceptMillis=140
            latencyBound=true
            requests=1990
            decided=1990
            pending=0
            decidedWithin30s=1990
            longestStallMillis=4999
            doubleBookings=0
            breaches=0
            """;

    @Test
    void aSpikeWithinEveryBoundPassesThemAll() {
        assertThat(SpikeBounds.of(check(MET))).allMatch(Target::passed).hasSize(5);
    }

    @ParameterizedTest(name = "{0} misses {1}")
    @CsvSource(delimiter = '|', textBlock = """
            answeredInWindow=1999   | spike: every request answered (202 or 4xx) within the window + 5 s
            answeredOther=1         | spike: every request answered (202 or 4xx) within the window + 5 s
            planned=2001            | spike: every request answered (202 or 4xx) within the window + 5 s
            p99AcceptMillis=100     | spike: 202 p99 < 100 ms
            decidedWithin30s=1989   | spike: every 202 decided within 30 s
            pending=1               | spike: every 202 decided within 30 s
            requests=1989           | spike: every 202 decided within 30 s
            longestStallMillis=5000 | spike: no 5-second stall in decisions
            doubleBookings=1        | spike: 0 double bookings
            breaches=1              | spike: 0 double bookings
            """)
    void eachDoneWhenBoundIsMissedOnItsOwn(String changed, String missed) {
        // requests=1989: a 202 whose request the table does not hold was lost
        String key = changed.substring(0, changed.indexOf('='));
        String text = MET.replaceAll("(?m)^" + key + "=.*$", changed);

        assertThat(SpikeBounds.of(check(text)).stream().filter(t -> !t.passed()).map(Target::name)).containsExactly(missed);
    }

    @Test
    void theAcceptLatencyIsReportedButNotABoundForASmallRun() {
        List<Target> targets = SpikeBounds.of(check(MET.replace("p99AcceptMillis=99", "p99AcceptMillis=400")
                .replace("latencyBound=true", "latencyBound=false")));

        assertThat(targets).filteredOn(t -> t.name().equals("spike: 202 p99 < 100 ms")).singleElement()
                .isEqualTo(new Target("spike: 202 p99 < 100 ms", true, "p99 400 ms (not a bound for this small run)"));
    }

    @Test
    void aCheckWithoutTheAnswersJudgesTheTableAlone() {
        List<Target> targets = SpikeBounds.of(check("requests=5\ndecided=5\npending=0\ndecidedWithin30s=5\n"
                + "longestStallMillis=10\ndoubleBookings=0\nbreaches=0\n"));

        assertThat(targets).extracting(Target::name).containsExactly("spike: every 202 decided within 30 s",
                "spike: no 5-second stall in decisions", "spike: 0 double bookings");
        assertThat(targets).allMatch(Target::passed);
    }

    private static Properties check(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }
}
