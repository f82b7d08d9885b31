package com.medicarewizard.adapter.sqs;

import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.contract.DeadLettersContract;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.LocalSqsClients;
import com.medicarewizard.runtime.sqs.QueueSetup;
import com.medicarewizard.runtime.sqs.QueueSpec;
import com.medicarewizard.runtime.sqs.QueueUrls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The SQS dead-letter adapter against ElasticMQ: the port contract. */
class SqsDeadLettersIT extends DeadLettersContract {

    @TempDir
    static Path data;
    private static EmbeddedSqsServer server;
    private static SqsClient sqs;
    private QueueUrls urls;

    @BeforeAll
    static void startServer() {
        server = EmbeddedSqsServer.start(data, 0);
        sqs = LocalSqsClients.forEndpoint(server.endpoint());
    }

    @AfterAll
    static void stopServer() {
        sqs.close();
        server.close();
    }

    @Override
    protected DeadLetters newDeadLetters() {
        String name = "reservations-" + UUID.randomUUID();
        urls = new QueueSetup(sqs).create(new QueueSpec(name, Duration.ofSeconds(30), 3, name + "-dlq"));
        return new SqsDeadLetters(sqs, urls.queueUrl(), urls.deadLetterQueueUrl());
    }

    @Override
    protected String deadLetter(String body) {
        return sqs.sendMessage(b -> b.queueUrl(urls.deadLetterQueueUrl()).messageBody(body)).messageId();
    }

    @Override
    protected List<String> drainQueue() {
        return sqs.receiveMessage(b -> b.queueUrl(urls.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages().stream().map(Message::body).toList();
    }
}
