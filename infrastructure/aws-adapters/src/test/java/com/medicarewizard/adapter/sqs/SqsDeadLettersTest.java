package com.medicarewizard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * How the dead letters are received, without a server: SQS answers a short poll from a sample of
 * its servers (possibly nothing while messages exist), so each receive long-polls, briefly, and the
 * receives are bounded so the operators' route answers well within API Gateway's 29 s. Against
 * ElasticMQ the behaviour is SqsDeadLettersIT's.
 */
class SqsDeadLettersTest {
    private final List<ReceiveMessageRequest> receives = new ArrayList<>();

    @Test
    void eachReceiveLongPollsBrieflyAndLeavesTheMessagesInPlace() {
        new SqsDeadLetters(answering(() -> List.of()), "https://queue", "https://dlq").list(200);

        assertThat(receives).singleElement().satisfies(request -> {
            assertThat(request.queueUrl()).isEqualTo("https://dlq");
            assertThat(request.waitTimeSeconds()).isBetween(1, 2);
            assertThat(request.visibilityTimeout()).isZero();
        });
    }

    @Test
    void receivesAgainUntilTheWantedCountButABoundedNumberOfTimes() {
        AtomicInteger next = new AtomicInteger();
        SqsClient endless = answering(() -> List.of(Message.builder().messageId("m-" + next.incrementAndGet())
                .body("not a command").build()));

        var listed = new SqsDeadLetters(endless, "https://queue", "https://dlq").list(200);

        assertThat(receives).hasSize(SqsDeadLetters.MAX_RECEIVES);
        assertThat(listed).hasSize(SqsDeadLetters.MAX_RECEIVES);
        assertThat(SqsDeadLetters.MAX_RECEIVES * SqsDeadLetters.WAIT_SECONDS).as("seconds at most").isLessThanOrEqualTo(10);
    }

    private SqsClient answering(java.util.function.Supplier<List<Message>> messages) {
        return new SqsClient() {
            @Override
            public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
                receives.add(request);
                return ReceiveMessageResponse.builder().messages(messages.get()).build();
            }

            @Override
            public String serviceName() {
                return "sqs";
            }

            @Override
            public void close() {
            }
        };
    }
}
