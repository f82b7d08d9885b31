package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reservation.ReservationStatus;
import org.junit.jupiter.api.Test;

/** The stream handler over real stream events: records in order, and a stop at the first it cannot finish. */
class NotifierHandlerTest {
    private final Notifier n = new Notifier();
    private final NotifierHandler handler = new NotifierHandler(n.notifier);

    @Test
    void reportsTheFirstFailingRecordAndEveryLaterOneForTheRedelivery() {
        StreamsEventResponse response = handler.handleRequest(StreamRecords.event("batch-poison-in-the-middle"),
                new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("222000000000000000000002", "222000000000000000000003");
        assertThat(n.events.published).singleElement().extracting(e -> e.reservation())
                .isEqualTo(StreamRecords.RESERVATION);
        assertThat(n.ledger.state(new NotificationKey(StreamRecords.OTHER_RESERVATION, ReservationStatus.REJECTED,
                Channel.EVENT))).isEmpty();
    }

    @Test
    void reportsNoFailureWhenEveryRecordIsDone() {
        StreamsEventResponse response = handler.handleRequest(StreamRecords.event("batch-two-outcomes"),
                new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(n.events.published).extracting(e -> e.reservation())
                .containsExactly(StreamRecords.RESERVATION, StreamRecords.OTHER_RESERVATION);
        assertThat(n.notifications.emails).hasSize(2);
        assertThat(n.notifications.texts).as("the confirmation's SMS; none for the rejection").hasSize(1);
    }

    @Test
    void stopsBeforeASideEffectItHasNoTimeForAndHandsBackThatRecordAndTheLaterOnes() {
        // the confirmation's e-mail, SMS and event, then the rejection's e-mail: then the time is up
        StreamsEventResponse response = handler.handleRequest(StreamRecords.event("batch-two-outcomes"),
                TestContext.enoughFor(4));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("333000000000000000000003");
        assertThat(n.notifications.emails).hasSize(2);
        assertThat(n.events.published).as("the rejection's event was not started").hasSize(1);
        assertThat(n.ledger.state(new NotificationKey(StreamRecords.OTHER_RESERVATION, ReservationStatus.REJECTED,
                Channel.EVENT))).isEmpty();
    }

    @Test
    void theRedeliveredRecordGoesOnWhereTheLastInvocationStopped() {
        handler.handleRequest(StreamRecords.event("batch-two-outcomes"), TestContext.enoughFor(4));

        StreamsEventResponse again = handler.handleRequest(StreamRecords.event("batch-two-outcomes"),
                new TestContext());

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(n.events.published).hasSize(2);
        assertThat(n.notifications.emails).as("no e-mail twice").hasSize(2);
        assertThat(n.notifications.texts).hasSize(1);
    }

    @Test
    void withNoTimeLeftStartsNothingAndHandsBackEveryRecordFromTheFirstOutcome() {
        StreamsEventResponse response = handler.handleRequest(StreamRecords.event("batch-two-outcomes"),
                new TestContext(() -> 0));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("333000000000000000000001", "333000000000000000000002", "333000000000000000000003");
        assertThat(n.events.published).isEmpty();
        assertThat(n.notifications.emails).isEmpty();
    }
}
