package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The queue answers only the pipeline of its run: another local process (an SDK client with other
 * credentials, curl) or a web page (a cross-origin form POST) is refused with 403 and changes nothing.
 */
class QueueAccessIT {

    private static final QueueSpec SPEC = new QueueSpec("guarded", Duration.ofSeconds(30), 3, "guarded-dlq");

    private EmbeddedSqsServer server;
    private SqsClient pipeline;
    private SqsClient stranger;
    private QueueUrls urls;

    @BeforeEach
    void startWithOneMessage() {
        server = EmbeddedSqsServer.start(0);
        pipeline = LocalSqsClients.forServer(server);
        stranger = LocalSqsClients.forEndpoint(server.endpoint(), QueueCredentials.random());
        urls = new QueueSetup(pipeline).create(SPEC);
        pipeline.sendMessage(b -> b.queueUrl(urls.queueUrl()).messageBody("{\"type\":\"DECIDE\"}"));
    }

    @AfterEach
    void stop() {
        stranger.close();
        pipeline.close();
        server.close();
    }

    @Test
    void aSendSignedWithOtherCredentialsIsRefusedAndQueuesNothing() {
        assertRefused(() -> stranger.sendMessage(b -> b.queueUrl(urls.queueUrl()).messageBody("{\"type\":\"CANCEL\"}")));
        assertThat(QueueFigures.counts(pipeline, urls.queueUrl()).total()).isEqualTo(1);
    }

    @Test
    void aReceiveSignedWithOtherCredentialsIsRefusedAndHidesNothing() {
        assertRefused(() -> stranger.receiveMessage(b -> b.queueUrl(urls.queueUrl()).waitTimeSeconds(0)));
        QueueCounts counts = QueueFigures.counts(pipeline, urls.queueUrl());
        assertThat(counts.visible()).isEqualTo(1);
        assertThat(counts.inFlight()).isZero();
    }

    @Test
    void deletingTheQueueWithOtherCredentialsIsRefused() {
        assertRefused(() -> stranger.deleteQueue(b -> b.queueUrl(urls.queueUrl())));
        assertRefused(() -> stranger.purgeQueue(b -> b.queueUrl(urls.queueUrl())));
        assertThat(pipeline.listQueues().queueUrls()).contains(urls.queueUrl(), urls.deadLetterQueueUrl());
        assertThat(QueueFigures.counts(pipeline, urls.queueUrl()).total()).isEqualTo(1);
    }

    @Test
    void aCrossOriginFormPostIsRefusedAndQueuesNothing() throws IOException, InterruptedException {
        String form = "Action=SendMessage&QueueUrl=" + URLEncoder.encode(urls.queueUrl(), StandardCharsets.UTF_8)
                + "&MessageBody=" + URLEncoder.encode("{\"type\":\"CANCEL\"}", StandardCharsets.UTF_8);
        HttpResponse<String> answer = post(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(QueueFigures.counts(pipeline, urls.queueUrl()).total()).isEqualTo(1);
    }

    @Test
    void anUnsignedJsonRequestAsTheSdkWouldSendIsRefused() throws IOException, InterruptedException {
        HttpResponse<String> answer = post(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.DeleteQueue")
                .POST(HttpRequest.BodyPublishers.ofString("{\"QueueUrl\":\"" + urls.queueUrl() + "\"}")));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(pipeline.listQueues().queueUrls()).contains(urls.queueUrl());
    }

    private static HttpResponse<String> post(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertRefused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SqsException.class,
                e -> assertThat(e.statusCode()).isEqualTo(403));
    }
}
