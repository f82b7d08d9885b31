package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SpikeAnswersTest {

    @Test
    void countsTheAnswersByKindAndThoseInsideTheWindowPlusFiveSeconds() {
        List<Sample> samples = List.of(
                new Sample(1_000, 20, Labels.SPIKE_REQUEST, true, "202"),
                new Sample(1_500, 40, Labels.SPIKE_REQUEST, true, "202"),
                new Sample(2_000, 5, Labels.SPIKE_REQUEST, true, "429"),
                // answered 202, but after the first request + 2 s + 5 s
                new Sample(2_900, 5_101, Labels.SPIKE_REQUEST, true, "202"),
                new Sample(2_950, 30_000, Labels.SPIKE_REQUEST, false, "Non HTTP response code: java.net.SocketTimeoutException"),
                new Sample(3_000, 3, Labels.SPIKE_REQUEST, false, "503"),
                new Sample(0, 9_999, "something else", true, "200"));

        SpikeAnswers answers = SpikeAnswers.of(samples, 2_000);

        assertThat(answers.sent()).isEqualTo(6);
        assertThat(answers.accepted()).isEqualTo(3);
        assertThat(answers.refused()).isEqualTo(1);
        assertThat(answers.other()).isEqualTo(2);
        assertThat(answers.inWindow()).isEqualTo(3);
        assertThat(answers.accepts().p50()).isEqualTo(40);
        assertThat(answers.accepts().max()).isEqualTo(5_101);
        Properties p = new Properties();
        answers.putInto(p);
        assertThat(p).containsEntry("answered4xx", "1").containsEntry("answeredOther", "2")
                .containsEntry("p99AcceptMillis", "5101").containsEntry("windowMillis", "2000");
    }
}
