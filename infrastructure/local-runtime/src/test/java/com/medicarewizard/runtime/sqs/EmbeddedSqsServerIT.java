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
             SqsClient sqs = LocalSqsClients.forEndpoint(server.endpoint())) {
            QueueUrls urls = new QueueSetup(sqs).create(SPEC);
            sqs.sendMessage(b -> b.queueUrl(urls.queueUrl()).messageBody("kept"));
        }
        try (var server = EmbeddedSqsServer.start(data, 0);
             SqsClient sqs = LocalSqsClients.forEndpoint(server.endpoint())) {
            QueueUrls urls = new QueueSetup(sqs).create(SPEC);
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(urls.queueUrl())
                    .waitTimeSeconds(2)).messages();
            assertThat(messages).extracting(Message::body).containsExactly("kept");
        }
    }

    @Test
    void bindsTheRequestedPortOnLoopback() {
        try (var server = EmbeddedSqsServer.start(data, 0)) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.endpoint().getPort()).isPositive();
        }
    }

    @Test
    void queueSetupIsIdempotentAndSetsTheRedrivePolicy() {
        try (var server = EmbeddedSqsServer.start(data, 0);
             SqsClient sqs = LocalSqsClients.forEndpoint(server.endpoint())) {
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
