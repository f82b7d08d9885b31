package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.NotificationLedger.State;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationLedger} adapter promises. Subclasses give a fresh, empty store per test. */
public abstract class NotificationLedgerContract {
    private static final Instant NOW = Instant.parse("2030-03-04T08:00:00Z");
    private static final Duration PAUSE = Duration.ofSeconds(30);
    private NotificationLedger ledger;

    protected abstract NotificationLedger newLedger();

    @BeforeEach
    void freshStore() {
        ledger = newLedger();
    }

    private static NotificationKey key(Channel channel) {
        return new NotificationKey(ReservationId.random(), ReservationStatus.CONFIRMED, channel);
    }

    private static ParkedNotification parked(NotificationKey key, boolean retryable, Instant at) {
        return ParkedNotification.first(key, "m***@example.org", "SMTP unavailable", retryable, at, PAUSE);
    }

    @Test
    void marksASideEffectSentExactlyOnce() {
        NotificationKey key = key(Channel.EMAIL);
        assertThat(ledger.state(key)).isEmpty();
        assertThat(ledger.markSent(key, NOW)).isTrue();
        assertThat(ledger.markSent(key, NOW.plusSeconds(1))).isFalse();
        assertThat(ledger.state(key)).contains(State.SENT);
    }

    @Test
    void onlyOneOfManyConcurrentMarksWins() throws Exception {
        NotificationKey key = key(Channel.SMS);
        assertThat(ConcurrentCalls.run(16, i -> ledger.markSent(key, NOW))).containsOnlyOnce(true);
    }

    @Test
    void eachOutcomeAndChannelHasItsOwnMarker() {
        NotificationKey email = key(Channel.EMAIL);
        ledger.markSent(email, NOW);
        assertThat(ledger.state(new NotificationKey(email.reservation(), email.outcome(), Channel.SMS))).isEmpty();
        assertThat(ledger.state(new NotificationKey(email.reservation(), ReservationStatus.CANCELLED, Channel.EMAIL)))
                .isEmpty();
    }

    @Test
    void eachReminderHasMarkersOfItsOwnApartFromTheConfirmation() {
        NotificationKey confirmation = key(Channel.EMAIL);
        NotificationKey day = NotificationKey.reminder(confirmation.reservation(),
                com.medicarewizard.domain.reminder.ReminderKind.BEFORE_48_HOURS, Channel.EMAIL);
        NotificationKey hours = NotificationKey.reminder(confirmation.reservation(),
                com.medicarewizard.domain.reminder.ReminderKind.BEFORE_2_HOURS, Channel.EMAIL);
        ledger.markSent(confirmation, NOW);
        assertThat(ledger.state(day)).isEmpty();
        assertThat(ledger.markSent(day, NOW)).isTrue();
        assertThat(ledger.markSent(day, NOW)).isFalse();
        assertThat(ledger.state(hours)).isEmpty();
        ParkedNotification parked = parked(hours, true, NOW);
        assertThat(ledger.park(parked)).isTrue();
        assertThat(ledger.parked(hours)).contains(parked);
        assertThat(ledger.parked(10)).containsExactly(parked);
    }

    @Test
    void aParkedNotificationIsListedUntilItIsSent() {
        NotificationKey key = key(Channel.EMAIL);
        ParkedNotification parked = parked(key, true, NOW);
        assertThat(ledger.park(parked)).isTrue();
        assertThat(ledger.state(key)).contains(State.PARKED);
        assertThat(ledger.parked(key)).contains(parked);
        assertThat(ledger.parked(10)).containsExactly(parked);
        assertThat(ledger.markSent(key, NOW.plusSeconds(60))).isTrue();
        assertThat(ledger.parked(10)).isEmpty();
        assertThat(ledger.parked(key)).isEmpty();
        assertThat(ledger.state(key)).contains(State.SENT);
    }

    @Test
    void aSentNotificationIsNeverParked() {
        NotificationKey key = key(Channel.SMS);
        ledger.markSent(key, NOW);
        assertThat(ledger.park(parked(key, false, NOW))).isFalse();
        assertThat(ledger.state(key)).contains(State.SENT);
        assertThat(ledger.parked(10)).isEmpty();
    }

    @Test
    void reParkingReplacesTheRecord() {
        NotificationKey key = key(Channel.EMAIL);
        ParkedNotification first = parked(key, true, NOW);
        ledger.park(first);
        ParkedNotification again = first.failedAgain("still unavailable", true, NOW.plusSeconds(30), PAUSE);
        ledger.park(again);
        assertThat(ledger.parked(10)).containsExactly(again);
    }

    @Test
    void listsOnlyRetryableNotificationsThatAreDueSoonestFirst() {
        ParkedNotification later = parked(key(Channel.EMAIL), true, NOW.plusSeconds(10));
        ParkedNotification sooner = parked(key(Channel.SMS), true, NOW);
        ParkedNotification permanent = parked(key(Channel.SMS), false, NOW.minusSeconds(100));
        ParkedNotification notYet = parked(key(Channel.EVENT), true, NOW.plusSeconds(3600));
        List.of(later, sooner, permanent, notYet).forEach(ledger::park);
        assertThat(ledger.due(NOW.plus(PAUSE).plusSeconds(10), 10)).containsExactly(sooner, later);
        assertThat(ledger.due(NOW.plus(PAUSE).plusSeconds(10), 1)).containsExactly(sooner);
        assertThat(ledger.parked(10)).containsExactly(permanent, sooner, later, notYet);
    }

    @Test
    void aParkedNotificationIsTakenForAnAttemptOnlyAsItWasSeen() {
        NotificationKey key = key(Channel.SMS);
        ParkedNotification seen = parked(key, true, NOW);
        ledger.park(seen);
        Instant until = NOW.plus(PAUSE).plusSeconds(60);

        assertThat(ledger.claim(seen, until)).isTrue();

        assertThat(ledger.parked(key)).contains(seen.takenUntil(until));
        assertThat(ledger.claim(seen, until.plusSeconds(60))).as("a second retrier with the same reading").isFalse();
        assertThat(ledger.due(NOW.plus(PAUSE), 10)).as("not due while taken").isEmpty();
        assertThat(ledger.due(until, 10)).as("due again if the attempt died").containsExactly(seen.takenUntil(until));
    }

    @Test
    void aNotificationSentOrReParkedSinceItWasSeenIsNotTaken() {
        NotificationKey sent = key(Channel.SMS);
        ParkedNotification seenSent = parked(sent, true, NOW);
        ledger.park(seenSent);
        ledger.markSent(sent, NOW.plusSeconds(1));
        NotificationKey reParked = key(Channel.EMAIL);
        ParkedNotification seenReParked = parked(reParked, true, NOW);
        ledger.park(seenReParked);
        ParkedNotification again = seenReParked.failedAgain("still unavailable", true, NOW.plusSeconds(30), PAUSE);
        ledger.park(again);

        assertThat(ledger.claim(seenSent, NOW.plusSeconds(90))).isFalse();
        assertThat(ledger.state(sent)).contains(State.SENT);
        assertThat(ledger.claim(seenReParked, NOW.plusSeconds(90))).isFalse();
        assertThat(ledger.parked(reParked)).contains(again);
    }

    @Test
    void forgetsTheRecipientsOfAReservationsParkedNotificationsAndLeavesTheRest() {
        NotificationKey email = key(Channel.EMAIL);
        NotificationKey sms = new NotificationKey(email.reservation(), email.outcome(), Channel.SMS);
        NotificationKey event = new NotificationKey(email.reservation(), email.outcome(), Channel.EVENT);
        NotificationKey another = key(Channel.EMAIL);
        ledger.park(parked(email, true, NOW));
        ledger.park(parked(sms, false, NOW));
        ledger.markSent(event, NOW);
        ledger.park(parked(another, true, NOW));

        ledger.forgetRecipients(email.reservation());

        assertThat(ledger.parked(email)).hasValueSatisfying(p -> {
            assertThat(p.maskedRecipient()).isEqualTo(ParkedNotification.ERASED_RECIPIENT);
            assertThat(p.retryable()).isFalse();
        });
        assertThat(ledger.parked(sms).orElseThrow().maskedRecipient()).isEqualTo(ParkedNotification.ERASED_RECIPIENT);
        assertThat(ledger.state(event)).contains(State.SENT);
        assertThat(ledger.parked(another)).contains(parked(another, true, NOW));
        assertThat(ledger.due(NOW.plus(PAUSE), 10)).extracting(ParkedNotification::key).containsExactly(another);
    }
}
