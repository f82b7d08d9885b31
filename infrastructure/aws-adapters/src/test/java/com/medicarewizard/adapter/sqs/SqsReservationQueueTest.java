package com.medicarewizard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue.QueueUnavailableException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** The SDK mapping, without a server; the behaviour against a real one is SqsReservationQueueIT's. */
class SqsReservationQueueTest {

    private final List<SendMessageRequest> sent = new ArrayList<>();
    private final ReservationCommand command =
            new ReservationCommand(ReservationCommand.Type.DECIDE, ReservationId.random(), "corr-9");

    @Test
    void sendsTheBodyAndTheCorrelationIdAttributeToTheQueue() {
        new SqsReservationQueue(recordingClient(), "https://queue", "https://dlq").send(command);
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.queueUrl()).isEqualTo("https://queue");
            assertThat(request.messageBody()).isEqualTo(ReservationCommandCodec.body(command));
            assertThat(request.messageAttributes().get("correlationId").stringValue()).isEqualTo("corr-9");
        });
    }

    @Test
    void anSdkFailureToSendIsAnUnavailableQueue() {
        assertThatThrownBy(() -> new SqsReservationQueue(failingClient(), "q", "d").send(command))
                .isInstanceOf(QueueUnavailableException.class)
                .hasCauseInstanceOf(SdkClientException.class)
                .hasMessageContaining(command.reservation().value());
    }

    @Test
    void anSdkFailureToReadFiguresIsAnUnavailableQueue() {
        assertThatThrownBy(() -> new SqsReservationQueue(failingClient(), "q", "d").figures())
                .isInstanceOf(QueueUnavailableException.class);
    }

    private SqsClient recordingClient() {
        return new StubClient() {
            @Override
            public SendMessageResponse sendMessage(SendMessageRequest request) {
                sent.add(request);
                return SendMessageResponse.builder().messageId("m-1").build();
            }
        };
    }

    private static SqsClient failingClient() {
        return new StubClient() {
            @Override
            public SendMessageResponse sendMessage(SendMessageRequest request) {
                throw SdkClientException.create("connection refused");
            }

            @Override
            public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
                throw SdkClientException.create("connection refused");
            }
        };
    }

    private abstract static class StubClient implements SqsClient {
        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }
}
