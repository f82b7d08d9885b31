package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.port.NotificationLedger.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Parked notifications tried again when due, with growing pauses, and never forever. */
class ParkedNotificationRetrierTest {
    private final Notifier n = new Notifier();
    private final ParkedNotificationRetrier retrier = n.retrier();

    @Test
    void triesOnlyWhatIsDueAndSendsItOnceTheServiceIsBack() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        n.notifications.smsFailure = null;

        assertThat(retrier.retryDue()).isZero();
        n.clock.advance(Notifier.SETTINGS.firstParkPause());
        assertThat(retrier.retryDue()).isEqualTo(1);

        assertThat(n.notifications.texts).hasSize(1);
        assertThat(n.ledger.state(change.key(Channel.SMS))).contains(State.SENT);
        assertThat(retrier.retryDue()).isZero();
    }

    @Test
    void givesUpAfterItsMaximumAttemptsAndLeavesItToAnOperator() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        NotificationKey key = change.key(Channel.SMS);

        int runs = 0;
        while (retrier.retryDue() > 0 || n.ledger.parked(key).orElseThrow().retryable()) {
            n.clock.advance(Duration.ofDays(1));
            assertThat(++runs).as("runs of the retrier").isLessThan(4 * ParkedNotification.MAX_ATTEMPTS);
        }

        ParkedNotification parked = n.ledger.parked(key).orElseThrow();
        assertThat(parked.attempts()).isEqualTo(ParkedNotification.MAX_ATTEMPTS);
        assertThat(parked.retryable()).isFalse();
        assertThat(parked.nextAttemptAt()).isEmpty();
        n.clock.advance(Duration.ofDays(365));
        assertThat(retrier.retryDue()).isZero();
        assertThat(n.notifications.texts).isEmpty();
    }

    @Test
    void aNotificationWhoseReservationIsGoneStopsBeingRetried() {
        n.notifications.emailFailure = RecordingNotifications.unavailable();
        OutcomeChange change = n.change("modify-confirmed");
        n.notifier.notify(change);
        n.reservations.clear();
        n.clock.advance(Notifier.SETTINGS.firstParkPause());

        assertThat(retrier.retryDue()).isEqualTo(1);

        ParkedNotification parked = n.ledger.parked(change.key(Channel.EMAIL)).orElseThrow();
        assertThat(parked.retryable()).isFalse();
        assertThat(parked.attempts()).isEqualTo(2);
        assertThat(parked.reason()).isEqualTo("reservation not found");
        n.clock.advance(Duration.ofDays(1));
        assertThat(retrier.retryDue()).isZero();
    }

    @Test
    void stopsWhenItsTimeRunsOutAndLeavesTheRestDueForTheNextRun() {
        n.notifications.emailFailure = RecordingNotifications.unavailable();
        n.notifiedWithSmsDown("modify-confirmed");
        n.notifications.smsFailure = null;
        n.notifications.emailFailure = null;
        n.clock.advance(Notifier.SETTINGS.firstParkPause());
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        int tried = retrier.retryDue(TimeBudget.of(new TestContext(() -> asked.incrementAndGet() <= 1 ? 30_000 : 0)));

        assertThat(tried).isEqualTo(1);
        assertThat(n.notifications.emails.size() + n.notifications.texts.size()).isEqualTo(1);
        assertThat(retrier.retryDue()).as("the one left is still due").isEqualTo(1);
        assertThat(n.notifications.emails.size() + n.notifications.texts.size()).isEqualTo(2);
    }

    @Test
    void aNotificationTheStaleIndexStillShowsAsDueButThatWasSentMeanwhileIsNotSentAgain() {
        OutcomeChange change = dueSmsListedByAnIndexThatStaysAsItIs();
        assertThat(retrier.retryDue()).isEqualTo(1);
        assertThat(n.notifications.texts).hasSize(1);

        assertThat(retrier.retryDue()).as("the index still lists it; the marker says SENT").isZero();

        assertThat(n.notifications.texts).as("sent once").hasSize(1);
        assertThat(n.ledger.state(change.key(Channel.SMS))).contains(State.SENT);
    }

    @Test
    void twoRunsReadingTheSameDueListSendItOnce() {
        OutcomeChange change = dueSmsListedByAnIndexThatStaysAsItIs();
        ParkedNotificationRetrier other = n.retrier();
        ParkedNotification listed = n.flakyLedger.staleDue.getFirst();
        assertThat(n.ledger.claim(listed, n.clock.instant().plusSeconds(60))).as("the other run takes it first").isTrue();

        assertThat(retrier.retryDue()).as("this run leaves it alone").isZero();
        assertThat(n.notifications.texts).isEmpty();
        n.clock.advance(Duration.ofSeconds(60));
        n.flakyLedger.staleDue = null;
        assertThat(other.retryDue()).as("due again once the other run's hold has passed").isEqualTo(1);
        assertThat(n.notifications.texts).hasSize(1);
        assertThat(n.ledger.state(change.key(Channel.SMS))).contains(State.SENT);
    }

    @Test
    void eachClaimHoldsFromWhenItIsWrittenSoARunOverlappingALongOneSendsNothingTwice() {
        n.notifications.emailFailure = RecordingNotifications.unavailable();
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        n.notifications.smsFailure = null;
        n.notifications.emailFailure = null;
        n.clock.advance(Notifier.SETTINGS.firstParkPause());
        // each send takes a little longer than the longest a side effect may take: late in the run, a
        // claim whose hold was counted from the run's start would have run out before it was written
        Duration slowSend = n.notifier.sideEffectWorstCase().plusSeconds(1);
        ParkedNotificationRetrier overlapping = n.retrier();
        AtomicInteger sends = new AtomicInteger();
        AtomicInteger triedByTheOverlappingRun = new AtomicInteger(-1);
        n.notifications.whileSending = () -> {
            n.clock.advance(slowSend);
            if (sends.incrementAndGet() == 2) {
                triedByTheOverlappingRun.set(overlapping.retryDue());
            }
        };

        assertThat(retrier.retryDue()).isEqualTo(2);

        assertThat(triedByTheOverlappingRun).as("the second one was still held when the other run looked").hasValue(0);
        assertThat(n.notifications.emails).hasSize(1);
        assertThat(n.notifications.texts).as("sent once").hasSize(1);
        assertThat(n.ledger.state(change.key(Channel.SMS))).contains(State.SENT);
        assertThat(n.ledger.state(change.key(Channel.EMAIL))).contains(State.SENT);
    }

    /** An SMS parked while SNS was down, due now and SNS back; the due list frozen as read now. */
    private OutcomeChange dueSmsListedByAnIndexThatStaysAsItIs() {
        OutcomeChange change = n.notifiedWithSmsDown("modify-confirmed");
        n.notifications.smsFailure = null;
        n.clock.advance(Notifier.SETTINGS.firstParkPause());
        n.flakyLedger.staleDue = n.ledger.due(n.clock.instant(), 100);
        return change;
    }
}
