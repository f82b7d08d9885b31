package com.medicarewizard.adapter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.local.StubEndpoint;
import com.medicarewizard.adapter.local.MetricDataAnswers;
import com.medicarewizard.adapter.local.StubEndpoint.Answer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The notifier's IteratorAge read with GetMetricData as SDK 2.59.1 sends it (Smithy RPC v2 CBOR), from
 * a local endpoint answering as CloudWatch does: the newest point in seconds, "not known" without one.
 */
class CloudWatchIteratorAgeTest {
    private static final Instant NOW = Instant.parse("2030-03-04T08:00:30Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void theNewestMaximumInSeconds() {
        try (var stub = new StubEndpoint(request -> MetricDataAnswers.iteratorAges(NOW, List.of(12_500.0, 3_000.0)));
             var client = client(stub)) {
            var age = new CloudWatchIteratorAge(client, "medicarewizard-prod-notifier", clock);

            assertThat(age.seconds()).hasValue(12.5);
            var sent = stub.requests().getFirst();
            assertThat(sent.path()).endsWith("/operation/GetMetricData");
            assertThat(sent.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        }
    }

    @Test
    void asksForTheMaximumOfTheNotifiersIteratorAgeNewestFirst() {
        var request = new CloudWatchIteratorAge(CloudWatchClient.builder().region(Region.EU_SOUTH_1).build(),
                "medicarewizard-prod-notifier", clock).request();
        var stat = request.metricDataQueries().getFirst().metricStat();
        assertThat(stat.stat()).isEqualTo("Maximum");
        assertThat(stat.metric().namespace()).isEqualTo("AWS/Lambda");
        assertThat(stat.metric().metricName()).isEqualTo("IteratorAge");
        assertThat(stat.metric().dimensions()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("FunctionName");
            assertThat(d.value()).isEqualTo("medicarewizard-prod-notifier");
        });
        assertThat(request.scanBy()).isEqualTo(ScanBy.TIMESTAMP_DESCENDING);
        assertThat(request.endTime()).isAfter(NOW);
        assertThat(request.startTime()).isBefore(NOW.minus(CloudWatchIteratorAge.LOOK_BACK).plusSeconds(60));
    }

    @Test
    void noPointIsNotKnownRatherThanZero() {
        try (var stub = new StubEndpoint(request -> MetricDataAnswers.iteratorAges(NOW, List.of())); var client = client(stub)) {
            assertThat(new CloudWatchIteratorAge(client, "medicarewizard-prod-notifier", clock).seconds()).isEmpty();
        }
    }

    @Test
    void aCloudWatchThatCannotBeReadIsNotKnown() {
        try (var stub = new StubEndpoint(request -> new Answer(500, "application/cbor",
                Map.of("smithy-protocol", "rpc-v2-cbor"), new byte[0])); var client = client(stub)) {
            assertThat(new CloudWatchIteratorAge(client, "medicarewizard-prod-notifier", clock).seconds()).isEmpty();
        }
    }

    private static CloudWatchClient client(StubEndpoint stub) {
        return CloudWatchClient.builder().region(Region.EU_SOUTH_1).endpointOverride(stub.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    }
}
