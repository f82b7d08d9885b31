package com.medicarewizard.lambda.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.medicarewizard.lambda.capture.CaptureEndpoint.Fault;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Each capture endpoint driven by the service's real SDK client (2.59.1): what the client sends is
 * decoded, what the endpoint answers the client reads, and each fault reaches the client as the
 * service's own error would — throttling classified as throttling by the SDK, a hang as a timeout.
 */
class CaptureEndpointsTest {

    /** Generous: the first call of a client loads its classes, on a busy machine. */
    private static final Duration CALL = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void snsRecordsAnSmsPublishAndAnswersAMessageId() {
        try (SnsCapture endpoint = new SnsCapture(); SnsClient sns = client(SnsClient.builder(), endpoint, 1, CALL)) {
            String id = sns.publish(b -> b.phoneNumber("+393471234567").message("Prenotazione confermata")
                    .messageAttributes(Map.of("AWS.SNS.SMS.SMSType", string("Transactional"),
                            "AWS.SNS.SMS.SenderID", string("MediCare")))).messageId();

            assertThat(id).isNotBlank();
            assertThat(endpoint.answered()).singleElement().satisfies(p -> {
                assertThat(p.phoneNumber()).contains("+393471234567");
                assertThat(p.message()).isEqualTo("Prenotazione confermata");
                assertThat(p.attributes()).containsEntry("AWS.SNS.SMS.SMSType", "Transactional")
                        .containsEntry("AWS.SNS.SMS.SenderID", "MediCare");
            });
        }
    }

    @Test
    void snsThrottlesInItsOwnErrorShapeAndRefusesABadNumber() {
        try (SnsCapture endpoint = new SnsCapture(); SnsClient sns = client(SnsClient.builder(), endpoint, 1, CALL)) {
            endpoint.fail(Fault.THROTTLE);
            assertThatThrownBy(() -> sns.publish(b -> b.phoneNumber("+393471234567").message("x")))
                    .isInstanceOfSatisfying(AwsServiceException.class, throttled(429, "Throttling"));
            endpoint.heal();
            assertThatThrownBy(() -> sns.publish(b -> b.phoneNumber("347 123").message("x")))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
        }
    }

    @Test
    void aFaultForTheNextCallsLetsTheSdkRetryThrough() {
        try (SnsCapture endpoint = new SnsCapture(); SnsClient sns = client(SnsClient.builder(), endpoint, 3, CALL)) {
            endpoint.fail(Fault.SERVER_ERROR, 2);
            sns.publish(b -> b.phoneNumber("+393471234567").message("x"));
            assertThat(endpoint.received()).extracting(CaptureEndpoint.Received::fault)
                    .containsExactly(Fault.SERVER_ERROR, Fault.SERVER_ERROR, null);
            assertThat(endpoint.answered()).hasSize(1);
        }
    }

    @Test
    void aHungServiceAcceptsAndNeverAnswersUntilHealed() {
        try (SnsCapture endpoint = new SnsCapture(); SnsClient sns = client(SnsClient.builder(), endpoint, 1, CALL)) {
            endpoint.fail(Fault.HANG);
            CompletableFuture<?> call = CompletableFuture.runAsync(
                    () -> sns.publish(b -> b.phoneNumber("+393471234567").message("x")));
            await().atMost(CALL).until(() -> endpoint.hanging() == 1);
            assertThat(call).isNotDone();
            assertThat(endpoint.received()).singleElement().extracting(CaptureEndpoint.Received::fault).isEqualTo(Fault.HANG);

            endpoint.heal();
            // let go without an answer: the connection closes under the client
            await().atMost(CALL).until(call::isDone);
            assertThat(call).isCompletedExceptionally();
            assertThat(endpoint.hanging()).isZero();
            assertThat(endpoint.answered()).isEmpty();
        }
    }

    @Test
    void anUnsignedRequestIsRefusedAsAwsRefusesIt() throws Exception {
        try (SnsCapture endpoint = new SnsCapture(); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.endpoint())
                    .POST(HttpRequest.BodyPublishers.ofString("Action=Publish&Version=2010-03-31")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
            assertThat(endpoint.received()).isEmpty();
        }
    }

    @Test
    void sesRecordsTheSimpleEmailWithItsAttachmentDecoded() {
        try (SesCapture endpoint = new SesCapture(); SesV2Client ses = client(SesV2Client.builder(), endpoint, 1, CALL)) {
            String id = ses.sendEmail(b -> b.fromEmailAddress("no-reply@medicarewizard.example")
                    .destination(d -> d.toAddresses("maria.rossi@example.org"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("Confirmed").charset("UTF-8"))
                            .body(body -> body.text(t -> t.data("See you").charset("UTF-8")))
                            .attachments(Attachment.builder().fileName("visit.ics").contentType("text/calendar")
                                    .rawContent(SdkBytes.fromUtf8String("BEGIN:VCALENDAR")).build())))).messageId();

            assertThat(id).isNotBlank();
            assertThat(endpoint.answered()).singleElement().satisfies(email -> {
                assertThat(email.from()).isEqualTo("no-reply@medicarewizard.example");
                assertThat(email.to()).containsExactly("maria.rossi@example.org");
                assertThat(email.subject()).contains("Confirmed");
                assertThat(email.text()).contains("See you");
                assertThat(email.attachments()).singleElement().satisfies(a -> {
                    assertThat(a.fileName()).isEqualTo("visit.ics");
                    assertThat(a.contentType()).isEqualTo("text/calendar");
                    assertThat(a.text()).isEqualTo("BEGIN:VCALENDAR");
                });
            });
        }
    }

    @Test
    void sesRecordsARawMessageAndThrottlesAsTooManyRequests() {
        try (SesCapture endpoint = new SesCapture(); SesV2Client ses = client(SesV2Client.builder(), endpoint, 1, CALL)) {
            ses.sendEmail(b -> b.destination(d -> d.toAddresses("a@example.org"))
                    .content(c -> c.raw(r -> r.data(SdkBytes.fromUtf8String("Subject: hi\r\n\r\nbody")))));
            assertThat(endpoint.answered()).singleElement().satisfies(e -> assertThat(e.raw()).contains("Subject: hi\r\n\r\nbody"));

            endpoint.fail(Fault.THROTTLE);
            assertThatThrownBy(() -> ses.sendEmail(b -> b.destination(d -> d.toAddresses("a@example.org"))
                    .content(c -> c.raw(r -> r.data(SdkBytes.fromUtf8String("x"))))))
                    .isInstanceOfSatisfying(AwsServiceException.class, throttled(429, "TooManyRequestsException"));
        }
    }

    @Test
    void eventBridgeRecordsTheEntriesAndRefusesWhatEventBridgeRefuses() {
        try (EventBridgeCapture endpoint = new EventBridgeCapture();
             EventBridgeClient events = client(EventBridgeClient.builder(), endpoint, 1, CALL)) {
            var response = events.putEvents(b -> b.entries(
                    entry("{\"reservationId\":\"r1\"}"), entry("not json")));
            assertThat(response.failedEntryCount()).isEqualTo(1);
            assertThat(response.entries().get(0).eventId()).isNotBlank();
            assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
            assertThat(endpoint.events()).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("medicarewizard.booking");
                assertThat(e.detailType()).isEqualTo("ReservationConfirmed");
                assertThat(e.eventBusName()).contains("medicarewizard");
                assertThat(e.detail().path("reservationId").asText()).isEqualTo("r1");
            });

            PutEventsRequestEntry[] eleven = Collections.nCopies(11, entry("{}")).toArray(PutEventsRequestEntry[]::new);
            assertThatThrownBy(() -> events.putEvents(b -> b.entries(eleven)))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

            endpoint.fail(Fault.THROTTLE);
            assertThatThrownBy(() -> events.putEvents(b -> b.entries(entry("{}"))))
                    .isInstanceOfSatisfying(AwsServiceException.class, throttled(400, "ThrottlingException"));
        }
    }

    @Test
    void cloudWatchSpeaksCborRecordingPutsAndAnsweringGets() {
        try (CloudWatchCapture endpoint = new CloudWatchCapture();
             CloudWatchClient cloudWatch = client(CloudWatchClient.builder(), endpoint, 1, CALL)) {
            cloudWatch.putMetricData(b -> b.namespace("MediCareWizard").metricData(MetricDatum.builder()
                    .metricName("QueueDepth").value(3.0).unit(StandardUnit.COUNT)
                    .dimensions(d -> d.name("Pipeline").value("reservations")).build()));
            assertThat(endpoint.puts()).singleElement().satisfies(put -> {
                assertThat(put.namespace()).isEqualTo("MediCareWizard");
                assertThat(put.data()).singleElement().satisfies(d -> {
                    assertThat(d.metricName()).isEqualTo("QueueDepth");
                    assertThat(d.value()).contains(3.0);
                    assertThat(d.unit()).contains("Count");
                    assertThat(d.dimensions()).containsEntry("Pipeline", "reservations");
                });
            });

            endpoint.answer("IteratorAge", 4200.0, 1000.0);
            var result = cloudWatch.getMetricData(b -> b.startTime(NOW.minusSeconds(300)).endTime(NOW)
                    .metricDataQueries(MetricDataQuery.builder().id("lag").metricStat(s -> s.period(60).stat("Maximum")
                            .metric(m -> m.namespace("AWS/Lambda").metricName("IteratorAge")
                                    .dimensions(d -> d.name("FunctionName").value("notifier")))).build()));
            assertThat(result.metricDataResults()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("lag");
                assertThat(r.values()).containsExactly(4200.0, 1000.0);
                assertThat(r.timestamps()).containsExactly(NOW, NOW.minusSeconds(60));
            });

            endpoint.fail(Fault.THROTTLE);
            assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace("MediCareWizard")
                    .metricData(MetricDatum.builder().metricName("X").value(1.0).build())))
                    .isInstanceOfSatisfying(AwsServiceException.class, throttled(400, "Throttling"));
        }
    }

    @Test
    void secretsManagerAnswersTheConfiguredSecretAndNotFoundForOthers() {
        try (SecretsManagerCapture endpoint = new SecretsManagerCapture();
             SecretsManagerClient secrets = client(SecretsManagerClient.builder(), endpoint, 1, CALL)) {
            String arn = endpoint.put("arn:aws:secretsmanager:eu-south-1:000000000000:secret:ops-token-AbCdEf",
                    "an-operator-token-of-32-characters");
            assertThat(secrets.getSecretValue(b -> b.secretId(arn)).secretString())
                    .isEqualTo("an-operator-token-of-32-characters");
            assertThatThrownBy(() -> secrets.getSecretValue(b -> b.secretId("other")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(endpoint.received()).extracting(r -> r.request().secretId()).containsExactly(arn, "other");
        }
    }

    @Test
    void manyCallsAtOnceAreAllRecorded() {
        try (SnsCapture endpoint = new SnsCapture(); SnsClient sns = client(SnsClient.builder(), endpoint, 1, CALL)) {
            IntStream.range(0, 20).parallel().forEach(i -> sns.publish(b -> b.phoneNumber("+39347123456" + (i % 10))
                    .message("m" + i)));
            assertThat(endpoint.answered()).hasSize(20);
        }
    }

    /** Throttling as the service's model declares it, which the SDK's retry strategy treats as throttling. */
    private static Consumer<AwsServiceException> throttled(int status, String code) {
        return e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.isThrottlingException()).isTrue();
        };
    }

    private static PutEventsRequestEntry entry(String detail) {
        return PutEventsRequestEntry.builder().source("medicarewizard.booking").detailType("ReservationConfirmed")
                .detail(detail).eventBusName("medicarewizard").build();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, CaptureEndpoint<?> endpoint, int attempts, Duration callTimeout) {
        return builder.region(Region.EU_SOUTH_1).endpointOverride(endpoint.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.apiCallTimeout(callTimeout)
                        .retryStrategy(r -> r.maxAttempts(attempts)))
                .build();
    }
}
