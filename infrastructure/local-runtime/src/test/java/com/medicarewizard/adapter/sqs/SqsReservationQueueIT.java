package com.medicarewizard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.ReservationQueue.QueueUnavailableException;
import com.medicarewizard.port.contract.ReservationQueueContract;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.QueueUrls;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The SQS adapter against ElasticMQ: the port contract, dead letters and an unreachable queue. */
class SqsReservationQueueIT extends ReservationQueueContract {

    @RegisterExtension
    static final ElasticMqServer SQS = new ElasticMqServer();
    private QueueUrls urls;

    /** A queue of its own per test, so that no test sees another's messages. */
    @Override
    protected ReservationQueue newQueue() {
        urls = SQS.newQueue();
        return new SqsReservationQueue(SQS.sqs(), urls.queueUrl(), urls.deadLetterQueueUrl());
    }

    @Override
    protected Optional<ReservationCommand> receiveOne() {
        return SQS.sqs().receiveMessage(b -> b.queueUrl(urls.queueUrl()).waitTimeSeconds(1).maxNumberOfMessages(1)
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
        SQS.sqs().sendMessage(b -> b.queueUrl(urls.deadLetterQueueUrl()).messageBody("{}"));
        assertThat(queue.figures()).isEqualTo(new ReservationQueue.QueueFigures(0, 0, 1));
    }

    @Test
    void carriesTheCorrelationIdAsAStringMessageAttribute() {
        ReservationQueue queue = newQueue();
        queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, ReservationId.random(), "corr-attr"));
        Message message = SQS.sqs().receiveMessage(b -> b.queueUrl(urls.queueUrl()).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages().getFirst();
        assertThat(message.messageAttributes()).containsEntry("correlationId",
                MessageAttributeValue.builder().dataType("String").stringValue("corr-attr").build());
    }

    @Test
    void aMissingQueueIsReportedAsUnavailable() {
        String missing = SQS.endpoint() + "/" + EmbeddedSqsServer.ACCOUNT_ID + "/no-such-queue";
        ReservationQueue queue = new SqsReservationQueue(SQS.sqs(), missing, missing);
        assertThatThrownBy(() -> queue.send(
                new ReservationCommand(ReservationCommand.Type.DECIDE, ReservationId.random(), "c")))
                .isInstanceOf(QueueUnavailableException.class);
        assertThatThrownBy(queue::figures).isInstanceOf(QueueUnavailableException.class);
    }
}
