package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.NotificationLedger.State;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At most N messages per recipient and channel within the window, counted once whatever the redeliveries. */
class MessageLimitTest {
    private final Notifier n = Notifier.withMessageLimit(2);

    @Test
    void messagesOverTheRecipientsLimitAreNotSentButParkedForOperatorsWithTheRecipientMasked() {
        List<OutcomeChange> confirmations = confirmations(3);

        confirmations.forEach(n.notifier::notify);

        assertThat(n.notifications.emails).hasSize(2);
        assertThat(n.notifications.texts).hasSize(2);
        assertThat(n.events.published).as("events are no message to anyone: not limited").hasSize(3);
        OutcomeChange third = confirmations.get(2);
        assertThat(n.ledger.parked(third.key(Channel.EMAIL))).hasValueSatisfying(p -> {
            assertThat(p.retryable()).as("never retried on its own").isFalse();
            assertThat(p.maskedRecipient()).isEqualTo("m***@example.org");
            assertThat(p.reason()).isEqualTo("message limit: 2 per 60 min to this recipient");
        });
        assertThat(n.ledger.parked(third.key(Channel.SMS))).hasValueSatisfying(p -> {
            assertThat(p.retryable()).isFalse();
            assertThat(p.maskedRecipient()).doesNotContain("3471234567");
        });
    }

    @Test
    void theLimitIsAWindowNotAQuota() {
        List<OutcomeChange> confirmations = confirmations(3);
        n.notifier.notify(confirmations.get(0));
        n.notifier.notify(confirmations.get(1));
        n.clock.advance(Duration.ofMinutes(61));

        n.notifier.notify(confirmations.get(2));

        assertThat(n.notifications.emails).hasSize(3);
        assertThat(n.ledger.state(confirmations.get(2).key(Channel.EMAIL))).contains(State.SENT);
    }

    @Test
    void aRecordRedeliveredAfterTheMarkFailedIsNotCountedTwice() {
        List<OutcomeChange> confirmations = confirmations(2);
        n.flakyLedger.failures.set(1); // the first e-mail goes out, but its "sent" mark does not
        assertThatThrownBy(() -> n.notifier.notify(confirmations.get(0))).isInstanceOf(IllegalStateException.class);

        n.notifier.notify(confirmations.get(0)); // the stream delivers the record again
        n.notifier.notify(confirmations.get(1));

        assertThat(n.ledger.state(confirmations.get(1).key(Channel.EMAIL))).contains(State.SENT);
        assertThat(n.ledger.state(confirmations.get(1).key(Channel.SMS))).contains(State.SENT);
    }

    @Test
    void aParkedMessageTriedAgainIsNotCountedTwice() {
        List<OutcomeChange> confirmations = confirmations(2);
        // refused rather than unavailable: the channel's breaker ignores it, so the later SMS is really tried
        n.notifications.smsFailure = RecordingNotifications.refused();
        n.notifier.notify(confirmations.get(0));
        NotificationKey sms = confirmations.get(0).key(Channel.SMS);
        n.notifier.retry(n.ledger.parked(sms).orElseThrow(), confirmations.get(0));
        n.notifier.retry(n.ledger.parked(sms).orElseThrow(), confirmations.get(0));
        n.notifications.smsFailure = null;

        n.notifier.notify(confirmations.get(1));

        assertThat(n.notifications.texts).hasSize(1);
        assertThat(n.ledger.state(confirmations.get(1).key(Channel.SMS))).contains(State.SENT);
    }

    @Test
    void anOperatorsRetryOfAMessageOverTheLimitSendsItOnceTheWindowHasPassed() {
        List<OutcomeChange> confirmations = confirmations(3);
        confirmations.forEach(n.notifier::notify);
        NotificationKey mail = confirmations.get(2).key(Channel.EMAIL);
        n.clock.advance(Duration.ofMinutes(61));

        n.notifier.retry(n.ledger.parked(mail).orElseThrow(), confirmations.get(2));

        assertThat(n.ledger.state(mail)).contains(State.SENT);
        assertThat(n.notifications.emails).hasSize(3);
    }

    /** Confirmations of as many reservations of the fixtures' patient. */
    private List<OutcomeChange> confirmations(int count) {
        Reservation r = n.change("modify-confirmed").reservation();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new OutcomeChange(new Reservation(
                ReservationId.random(), r.patient(), r.examType(), r.site(), r.start(), r.end(), r.status(), r.reason(),
                r.resources(), r.requestedAt(), r.decidedAt(), r.cancelRequestedAt(), r.cancelledAt(),
                r.correlationId(), r.version(), r.replaces(), r.movedTo()), ReservationStatus.CONFIRMED)).toList();
    }
}
