package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class EmbeddedSqsServerIT {

    private static final QueueSpec SPEC = new QueueSpec("restart", Duration.ofSeconds(2), 3, "restart-dlq");

    @TempDir
    Path data;

    @Test
    void messagesLeftInTheQueueSurviveARestart() {
        try (var server = EmbeddedSqsServer.start(data, 0);
             SqsClient sqs = LocalSqsClients.forServer(server)) {
            QueueUrls urls = new QueueSetup(sqs).create(SPEC);
            sqs.sendMessage(b -> b.queueUrl(urls.queueUrl()).messageBody("kept"));
        }
        try (var server = EmbeddedSqsServer.start(data, 0);
             SqsClient sqs = LocalSqsClients.forServer(server)) {
            QueueUrls urls = new QueueSetup(sqs).create(SPEC);
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(urls.queueUrl())
                    .waitTimeSeconds(2)).messages();
            assertThat(messages).extracting(Message::body).containsExactly("kept");
        }
    }

    /** ElasticMQ's H2 pool is a JVM-wide singleton: each start must still use its own file. */
    @Test
    void eachDataDirectoryKeepsItsOwnMessagesAcrossRestarts(@TempDir Path other) {
        sendOne(data, "in-data");
        sendOne(other, "in-other");
        assertThat(receiveAll(data)).containsExactly("in-data");
        assertThat(receiveAll(other)).containsExactly("in-other");
    }

    @Test
    void bindsTheRequestedPortOnLoopback() {
        try (var server = EmbeddedSqsServer.start(data, 0)) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.endpoint().getPort()).isPositive();
        }
    }

    /** Queue URLs name the port the server got, though ElasticMQ learns it only after binding. */
    @Test
    void queueUrlsNameTheBoundPort() {
        try (var server = EmbeddedSqsServer.start(data, 0);
             SqsClient sqs = LocalSqsClients.forServer(server)) {
            assertThat(new QueueSetup(sqs).create(SPEC).queueUrl())
                    .isEqualTo(server.endpoint() + "/" + EmbeddedSqsServer.ACCOUNT_ID + "/restart");
        }
    }

    private static void sendOne(Path directory, String body) {
        try (var server = EmbeddedSqsServer.start(directory, 0);
             SqsClient sqs = LocalSqsClients.forServer(server)) {
            sqs.sendMessage(b -> b.queueUrl(new QueueSetup(sqs).create(SPEC).queueUrl()).messageBody(body));
        }
    }

    private static List<String> receiveAll(Path directory) {
        try (var server = EmbeddedSqsServer.start(directory, 0);
             SqsClient sqs = LocalSqsClients.forServer(server)) {
            String url = new QueueSetup(sqs).create(SPEC).queueUrl();
            return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages().stream()
                    .map(Message::body).toList();
        }
    }

    @Test
    void queueSetupIsIdempotentAndSetsTheRedrivePolicy() {
        try (var server = EmbeddedSqsServer.start(data, 0);
             SqsClient sqs = LocalSqsClients.forServer(server)) {
            QueueUrls first = new QueueSetup(sqs).create(SPEC);
            QueueUrls second = new QueueSetup(sqs).create(SPEC);
            assertThat(second).isEqualTo(first);
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(first.queueUrl())
                    .attributeNamesWithStrings("All")).attributesAsStrings())
                    .containsEntry("VisibilityTimeout", "2")
                    .hasEntrySatisfying("RedrivePolicy", policy -> assertThat(policy)
                            .contains("arn:aws:sqs:eu-south-1:000000000000:restart-dlq"));
        }
    }
}
