package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spike's schedule, and its results as the report reads them. */
class SpikeDriverTest {
    @TempDir
    Path dir;

    @Test
    void requestsAreDueEvenlyOverTheWindowTheLastBeforeItsEnd() {
        long window = TimeUnit.SECONDS.toNanos(2);
        assertThat(SpikeDriver.dueOffsetNanos(0, 2000, window)).isZero();
        assertThat(SpikeDriver.dueOffsetNanos(1000, 2000, window)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(SpikeDriver.dueOffsetNanos(1999, 2000, window)).isEqualTo(window - TimeUnit.MILLISECONDS.toNanos(1));
        assertThatThrownBy(() -> SpikeDriver.dueOffsetNanos(2000, 2000, window)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpikeDriver.dueOffsetNanos(-1, 2000, window)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theResultsAreAJMeterCsvThatTheSpikeFiguresRead() throws Exception {
        Path jtl = dir.resolve("spike/results.jtl");
        SpikeDriver.write(jtl, List.of(
                new SpikeDriver.Sampled(1_000_100, 40, Labels.SPIKE_REQUEST, "202", true, 0),
                new SpikeDriver.Sampled(1_000_000, 90, SpikeDriver.LOG_IN, "200", true, 0),
                new SpikeDriver.Sampled(1_000_200, 30, Labels.SPIKE_REQUEST, "409", true, 0),
                new SpikeDriver.Sampled(1_000_300, 30_000, Labels.SPIKE_REQUEST,
                        "Non HTTP response code: java.net.SocketTimeoutException, read timed out", false, 0)));

        List<Sample> samples = JtlReader.read(jtl);
        assertThat(samples).as("the log-in is set-up, left out").extracting(Sample::label).containsOnly(Labels.SPIKE_REQUEST);
        SpikeAnswers answers = SpikeAnswers.of(samples, 2_000);
        assertThat(answers.sent()).isEqualTo(3);
        assertThat(answers.accepted()).isEqualTo(1);
        assertThat(answers.refused()).isEqualTo(1);
        assertThat(answers.other()).isEqualTo(1);
        assertThat(answers.inWindow()).isEqualTo(2);
    }

    @Test
    void theGeneratorsFiguresJoinTheScenariosDescription() throws Exception {
        Path description = java.nio.file.Files.writeString(dir.resolve("scenario.properties"), "name=spike\ntitle=the spike\n");
        SpikeDriver.addFigures(description, new SpikeDriver.Fired(List.of(
                new SpikeDriver.Sampled(0, 10, Labels.SPIKE_REQUEST, "202", true, TimeUnit.MILLISECONDS.toNanos(7)),
                new SpikeDriver.Sampled(1, 10, Labels.SPIKE_REQUEST, "202", true, 0)), 0.5, 33));
        var read = ResultsDirectory.properties(description).orElseThrow();
        assertThat(read.getProperty("title")).isEqualTo("the spike");
        assertThat(read.getProperty(SpikeDriver.RATE)).isEqualTo("4");
        assertThat(read.getProperty(SpikeDriver.LATE_MILLIS)).isEqualTo("7");
        assertThat(read.getProperty(SpikeDriver.CPU_MILLIS)).isEqualTo("33");
    }

    @Test
    void theSummarySaysTheRateTheTailAndTheGeneratorsOwnCost() {
        var fired = new SpikeDriver.Fired(List.of(
                new SpikeDriver.Sampled(0, 10, Labels.SPIKE_REQUEST, "202", true, TimeUnit.MILLISECONDS.toNanos(3)),
                new SpikeDriver.Sampled(1, 30, Labels.SPIKE_REQUEST, "202", true, 0),
                new SpikeDriver.Sampled(2, 20, Labels.SPIKE_REQUEST, "500", false, 0)), 1.5, 42);
        assertThat(SpikeDriver.summary(fired)).isEqualTo("spike: 3 requests in 1.5 s = 2/s; answer p50 20 ms, p99 30 ms;"
                + " 1 not answered 202 or 4xx; sent at most 3 ms late; the generator used 42 ms of CPU");
    }
}
