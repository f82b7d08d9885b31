package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.Reservations.DecisionLease;
import com.medicarewizard.port.fakes.InMemoryMessageFailures;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the allocator's Lambda answers the event source for each message of a batch. */
class AllocatorHandlerTest {
    private final InMemoryAllocation allocation = new InMemoryAllocation();
    private final InMemoryMessageFailures failures = new InMemoryMessageFailures();
    private final AllocatorHandler handler = new AllocatorHandler(allocation.allocator,
            message -> new ReservationCommand(ReservationCommand.Type.DECIDE, new ReservationId(message.getBody()),
                    "corr-" + message.getMessageId()), failures, allocation.clock);

    private static final Context CONTEXT = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[] {Context.class}, (proxy, method, args) -> "getAwsRequestId".equals(method.getName())
                    ? "request-1" : null);

    private static SQSEvent.SQSMessage message(String id, Reservation request) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(request.id().value());
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    private SQSBatchResponse handle(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return handler.handleRequest(event, CONTEXT);
    }

    @Test
    void aRequestAnotherConsumerIsDecidingComesBackLaterWithoutAnErrorRecorded() {
        Reservation leased = allocation.request(MRI, local("2027-12-20T10:00"));
        Reservation free = allocation.request(MRI, local("2027-12-20T11:00"));
        allocation.reservations.leaseDecision(leased.id(),
                new DecisionLease("another-consumer", allocation.clock.instant().plusSeconds(60)), allocation.clock.instant());

        SQSBatchResponse response = handle(message("m-1", leased), message("m-2", free));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-1");
        assertThat(failures.find("m-1")).as("no error for the dead-letter list").isEmpty();
        assertThat(allocation.stored(leased).status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(allocation.stored(free).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aBatchWhoseReadAtOnceFailsIsDecidedInItsOrderEachReadAlone() {
        AllocatorHandler atOnce = new AllocatorHandler(allocation.allocator,
                message -> new ReservationCommand(ReservationCommand.Type.DECIDE, new ReservationId(message.getBody()),
                        "corr-" + message.getMessageId()), failures, allocation.clock, 10);
        Reservation first = allocation.request(MRI, local("2027-12-20T10:00"));
        Reservation second = allocation.request(MRI, local("2027-12-20T10:00"));
        allocation.reservations.failFindAll(true);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", first), message("m-2", second)));

        SQSBatchResponse response = atOnce.handleRequest(event, CONTEXT);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(allocation.stored(first).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(allocation.stored(second).status()).isEqualTo(ReservationStatus.REJECTED);
    }
}
