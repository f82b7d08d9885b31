package com.medicarewizard.adapter.sqs;

import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.LocalSqsClients;
import com.medicarewizard.runtime.sqs.QueueSetup;
import com.medicarewizard.runtime.sqs.QueueSpec;
import com.medicarewizard.runtime.sqs.QueueUrls;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.UUID;

/**
 * One ElasticMQ server (the embedded SQS stand-in) and its client for all tests of a class, as the
 * SQS adapters' ITs need it: {@code @RegisterExtension static final ElasticMqServer SQS = new ElasticMqServer();}.
 * Each test takes a queue of its own, so that no test sees another's messages.
 */
final class ElasticMqServer implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedSqsServer server;
    private SqsClient sqs;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedSqsServer.start(0);
        sqs = LocalSqsClients.forServer(server);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sqs.close();
        server.close();
    }

    SqsClient sqs() {
        return sqs;
    }

    String endpoint() {
        return server.endpoint().toString();
    }

    /** A new reservation queue with its dead-letter queue (30 s visibility, 3 receives). */
    QueueUrls newQueue() {
        String name = "reservations-" + UUID.randomUUID();
        return new QueueSetup(sqs).create(new QueueSpec(name, Duration.ofSeconds(30), 3, name + "-dlq"));
    }
}
