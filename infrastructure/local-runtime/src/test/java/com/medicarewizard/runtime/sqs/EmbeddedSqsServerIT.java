package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class EmbeddedSqsServerIT {

    private static final QueueSpec SPEC = new QueueSpec("restart", Duration.ofSeconds(2), 3, "restart-dlq");

    /** Two servers in one JVM (the runtime's and a test's) keep their own queues, in memory. */
    @Test
    void twoServersKeepTheirOwnQueues() {
        try (var one = EmbeddedSqsServer.start(0); SqsClient first = LocalSqsClients.forServer(one);
             var two = EmbeddedSqsServer.start(0); SqsClient second = LocalSqsClients.forServer(two)) {
            String url = new QueueSetup(first).create(SPEC).queueUrl();
            first.sendMessage(b -> b.queueUrl(url).messageBody("in-one"));
            String other = new QueueSetup(second).create(SPEC).queueUrl();
            assertThat(second.receiveMessage(b -> b.queueUrl(other).maxNumberOfMessages(10)).messages()).isEmpty();
            assertThat(first.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                    .extracting(Message::body).containsExactly("in-one");
        }
    }

    @Test
    void bindsTheRequestedPortOnLoopback() {
        try (var server = EmbeddedSqsServer.start(0)) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.endpoint().getPort()).isPositive();
        }
    }

    /** Queue URLs name the port the server got, though ElasticMQ learns it only after binding. */
    @Test
    void queueUrlsNameTheBoundPort() {
        try (var server = EmbeddedSqsServer.start(0);
             SqsClient sqs = LocalSqsClients.forServer(server)) {
            assertThat(new QueueSetup(sqs).create(SPEC).queueUrl())
                    .isEqualTo(server.endpoint() + "/" + EmbeddedSqsServer.ACCOUNT_ID + "/restart");
        }
    }

    @Test
    void queueSetupIsIdempotentAndSetsTheRedrivePolicy() {
        try (var server = EmbeddedSqsServer.start(0);
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
