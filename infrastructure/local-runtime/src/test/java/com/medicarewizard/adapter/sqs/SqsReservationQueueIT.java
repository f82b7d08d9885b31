package com.medicarewizard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.ReservationQueue.QueueUnavailableException;
import com.medicarewizard.port.contract.ReservationQueueContract;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.LocalSqsClients;
import com.medicarewizard.runtime.sqs.QueueSetup;
import com.medicarewizard.runtime.sqs.QueueSpec;
import com.medicarewizard.runtime.sqs.QueueUrls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The SQS adapter against ElasticMQ: the port contract, dead letters and an unreachable queue. */
class SqsReservationQueueIT extends ReservationQueueContract {

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

    /** A queue of its own per test, so that no test sees another's messages. */
    @Override
    protected ReservationQueue newQueue() {
        String name = "reservations-" + UUID.randomUUID();
        urls = new QueueSetup(sqs).create(new QueueSpec(name, Duration.ofSeconds(30), 3, name + "-dlq"));
        return new SqsReservationQueue(sqs, urls.queueUrl(), urls.deadLetterQueueUrl());
    }

    @Override
    protected Optional<ReservationCommand> receiveOne() {
        return sqs.receiveMessage(b -> b.queueUrl(urls.queueUrl()).waitTimeSeconds(1).maxNumberOfMessages(1)
                        .messageAttributeNames("All"))
                .messages().stream().findFirst()
                .map(m -> ReservationCommandCodec.parse(m.body(), attributes(m)));
    }

    private static Map<String, String> attributes(Message message) {
        return message.messageAttributes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stringValue()));
    }

    @Test
    void countsTheDeadLetters() {
        ReservationQueue queue = newQueue();
        sqs.sendMessage(b -> b.queueUrl(urls.deadLetterQueueUrl()).messageBody("{}"));
        assertThat(queue.figures()).isEqualTo(new ReservationQueue.QueueFigures(0, 0, 1));
    }

    @Test
    void carriesTheCorrelationIdAsAStringMessageAttribute() {
        ReservationQueue queue = newQueue();
        queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, ReservationId.random(), "corr-attr"));
        Message message = sqs.receiveMessage(b -> b.queueUrl(urls.queueUrl()).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages().getFirst();
        assertThat(message.messageAttributes()).containsEntry("correlationId",
                MessageAttributeValue.builder().dataType("String").stringValue("corr-attr").build());
    }

    @Test
    void aMissingQueueIsReportedAsUnavailable() {
        String missing = server.endpoint() + "/" + EmbeddedSqsServer.ACCOUNT_ID + "/no-such-queue";
        ReservationQueue queue = new SqsReservationQueue(sqs, missing, missing);
        assertThatThrownBy(() -> queue.send(
                new ReservationCommand(ReservationCommand.Type.DECIDE, ReservationId.random(), "c")))
                .isInstanceOf(QueueUnavailableException.class);
        assertThatThrownBy(queue::figures).isInstanceOf(QueueUnavailableException.class);
    }
}
