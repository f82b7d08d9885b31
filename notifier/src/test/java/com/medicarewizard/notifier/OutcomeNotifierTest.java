package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.port.NotificationLedger.State;
import org.junit.jupiter.api.Test;

/** Each outcome's e-mail, SMS and event at most once; failing ones retried, then parked, never lost. */
class OutcomeNotifierTest {
    private final Notifier n = new Notifier();

    @Test
    void anOutcomeIsOneEmailOneSmsAndOneEventEachMarkedSent() {
        OutcomeChange change = n.change("modify-confirmed");

        n.notifier.notify(change);

        assertThat(n.notifications.emails).singleElement().extracting(e -> e.to()).isEqualTo("maria.rossi@example.org");
        assertThat(n.notifications.texts).singleElement().extracting(s -> s.to()).isEqualTo("+393471234567");
        assertThat(n.events.published).singleElement().isInstanceOf(ReservationEvent.ReservationConfirmed.class);
        for (Channel channel : Channel.values()) {
            assertThat(n.ledger.state(change.key(channel))).contains(State.SENT);
        }
    }

    @Test
    void aRejectionIsEmailedAndPublishedButNeverTexted() {
        OutcomeChange change = n.change("modify-rejected");

        n.notifier.notify(change);

        assertThat(n.notifications.emails).singleElement().extracting(e -> e.to()).isEqualTo("maria.rossi@example.org");
        assertThat(n.notifications.smsCalls).hasValue(0);
        assertThat(n.events.published).singleElement().isInstanceOf(ReservationEvent.ReservationRejected.class);
        assertThat(n.ledger.state(change.key(Channel.SMS))).isEmpty();
        assertThat(n.ledger.parked(change.key(Channel.SMS))).isEmpty();
    }

    @Test
    void theSameOutcomeAgainSendsNothingMore() {
        OutcomeChange change = n.change("modify-confirmed");

        n.notifier.notify(change);
        n.notifier.notify(change);

        assertThat(n.notifications.emailCalls).hasValue(1);
        assertThat(n.notifications.smsCalls).hasValue(1);
        assertThat(n.events.published).hasSize(1);
    }

    @Test
    void aTransientFailureIsTriedAgainThenParkedForTheRetrierWhileTheOtherChannelsGoOut() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");

        assertThat(n.notifications.smsCalls).hasValue(Notifier.SETTINGS.attempts());
        ParkedNotification parked = n.ledger.parked(change.key(Channel.SMS)).orElseThrow();
        assertThat(parked.retryable()).isTrue();
        assertThat(parked.nextAttemptAt()).contains(Notifier.NOW.plus(Notifier.SETTINGS.firstParkPause()));
        assertThat(parked.maskedRecipient()).doesNotContain("3471234567").endsWith("67");
        assertThat(n.ledger.state(change.key(Channel.EMAIL))).contains(State.SENT);
        assertThat(n.ledger.state(change.key(Channel.EVENT))).contains(State.SENT);
    }

    @Test
    void aRefusedRecipientIsTriedOnceAndParkedForAnOperator() {
        n.notifications.emailFailure = RecordingNotifications.refused();
        OutcomeChange change = n.change("modify-confirmed");

        n.notifier.notify(change);

        assertThat(n.notifications.emailCalls).hasValue(1);
        ParkedNotification parked = n.ledger.parked(change.key(Channel.EMAIL)).orElseThrow();
        assertThat(parked.retryable()).isFalse();
        assertThat(parked.nextAttemptAt()).isEmpty();
        assertThat(parked.maskedRecipient()).isEqualTo("m***@example.org");
        assertThat(parked.reason()).isEqualTo("recipient refused");
    }

    @Test
    void anAddressNotYetVerifiedIsTriedOnceAndParkedForTheRetrierWithTheReason() {
        n.notifications.emailFailure = RecordingNotifications.notVerified();
        OutcomeChange change = n.change("modify-confirmed");

        n.notifier.notify(change);

        assertThat(n.notifications.emailCalls).as("not retried within the call").hasValue(1);
        ParkedNotification parked = n.ledger.parked(change.key(Channel.EMAIL)).orElseThrow();
        assertThat(parked.retryable()).as("the retrier tries it again once the identity is verified").isTrue();
        assertThat(parked.nextAttemptAt()).contains(Notifier.NOW.plus(Notifier.SETTINGS.firstParkPause()));
        assertThat(parked.reason()).contains("not verified");

        n.notifications.emailFailure = null;
        n.clock.advance(Notifier.SETTINGS.firstParkPause());
        assertThat(n.retrier().retryDue()).isEqualTo(1);
        assertThat(n.notifications.emails).hasSize(1);
    }

    @Test
    void aFailingEventBusIsParkedLikeASender() {
        n.events.refusing = true;
        OutcomeChange change = n.change("modify-rejected");

        n.notifier.notify(change);

        assertThat(n.ledger.parked(change.key(Channel.EVENT))).hasValueSatisfying(p -> {
            assertThat(p.retryable()).isTrue();
            assertThat(p.maskedRecipient()).isEqualTo("event bus");
        });
    }

    @Test
    void aParkedSideEffectIsNotSentAgainByARedeliveredRecord() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        n.notifications.smsFailure = null;

        n.notifier.notify(change);

        assertThat(n.notifications.smsCalls).hasValue(Notifier.SETTINGS.attempts());
        assertThat(n.notifications.texts).isEmpty();
        assertThat(n.ledger.state(change.key(Channel.SMS))).contains(State.PARKED);
    }

    @Test
    void aRetryThatSucceedsMarksItSentAndUnparksIt() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        n.notifications.smsFailure = null;
        NotificationKey key = change.key(Channel.SMS);

        n.notifier.retry(n.ledger.parked(key).orElseThrow(), change);

        assertThat(n.notifications.texts).hasSize(1);
        assertThat(n.ledger.state(key)).contains(State.SENT);
        assertThat(n.ledger.parked(key)).isEmpty();
    }

    @Test
    void aRetryThatFailsAgainCountsTheAttemptAndWaitsLonger() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        NotificationKey key = change.key(Channel.SMS);
        n.clock.advance(Notifier.SETTINGS.firstParkPause());

        n.notifier.retry(n.ledger.parked(key).orElseThrow(), change);

        ParkedNotification again = n.ledger.parked(key).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.nextAttemptAt()).contains(n.clock.instant().plus(Notifier.SETTINGS.firstParkPause().multipliedBy(2)));
    }

    @Test
    void aPatientWhoCannotBeFoundIsParkedForAnOperatorNotSilentlySkipped() {
        Notifier unknown = Notifier.withUnknownPatient();
        OutcomeChange change = unknown.change("modify-confirmed");

        unknown.notifier.notify(change);

        for (Channel channel : java.util.List.of(Channel.EMAIL, Channel.SMS)) {
            assertThat(unknown.ledger.parked(change.key(channel))).hasValueSatisfying(p -> {
                assertThat(p.retryable()).isFalse();
                assertThat(p.maskedRecipient()).isEqualTo("unknown");
            });
        }
        assertThat(unknown.ledger.state(change.key(Channel.EVENT))).contains(State.SENT);
    }

    @Test
    void aPatientErasingTheirAccountGetsNoMessageAndNothingIsParkedOnlyTheEventGoesOut() {
        OutcomeChange change = n.change("modify-confirmed");
        n.patients.beginErasure(StreamRecords.PATIENT, Notifier.NOW);

        n.notifier.notify(change);

        assertThat(n.notifications.emailCalls).hasValue(0);
        assertThat(n.notifications.smsCalls).hasValue(0);
        for (Channel channel : java.util.List.of(Channel.EMAIL, Channel.SMS)) {
            assertThat(n.ledger.state(change.key(channel))).isEmpty();
        }
        assertThat(n.ledger.state(change.key(Channel.EVENT))).contains(State.SENT);
    }

    @Test
    void aPatientWhoseAccountIsErasedGetsNoMessageAndIsNotParkedAsUnknown() {
        OutcomeChange change = n.change("modify-confirmed");
        n.patients.beginErasure(StreamRecords.PATIENT, Notifier.NOW);
        n.patients.completeErasure(n.patients.find(StreamRecords.PATIENT).orElseThrow(), Notifier.NOW);

        n.notifier.notify(change);

        assertThat(n.notifications.emailCalls).hasValue(0);
        assertThat(n.ledger.parked(10)).isEmpty();
    }

    @Test
    void anAnonymisedReservationTellsNoOneButItsEvent() {
        OutcomeChange named = n.change("modify-confirmed");
        OutcomeChange change = new OutcomeChange(named.reservation().anonymised(), named.outcome());

        n.notifier.notify(change);

        assertThat(n.notifications.emailCalls).hasValue(0);
        assertThat(n.notifications.smsCalls).hasValue(0);
        assertThat(n.ledger.parked(10)).isEmpty();
        assertThat(n.events.published).singleElement().isInstanceOf(ReservationEvent.ReservationConfirmed.class);
    }

    @Test
    void aParkedMessageToAPatientErasedSinceIsKeptWithoutItsRecipientAndNotTriedAgain() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        n.notifications.smsFailure = null;
        NotificationKey key = change.key(Channel.SMS);
        n.patients.beginErasure(StreamRecords.PATIENT, Notifier.NOW);

        n.notifier.retry(n.ledger.parked(key).orElseThrow(), change);

        assertThat(n.notifications.texts).isEmpty();
        assertThat(n.ledger.parked(key)).hasValueSatisfying(p -> {
            assertThat(p.maskedRecipient()).isEqualTo(ParkedNotification.ERASED_RECIPIENT);
            assertThat(p.retryable()).isFalse();
        });
    }
}
