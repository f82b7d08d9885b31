package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Notifications.DeliveryFailedException;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.Notifications.Sms;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Notifications} adapter promises: a message goes to its recipient alone; a
 * recipient the service refuses is a permanent failure (the notifier parks it for an operator
 * instead of retrying); an unavailable service is a transient one; a failure never names the
 * recipient or the text. Subclasses give a fresh service per test and say what it accepted.
 */
public abstract class NotificationsContract {
    private static final String TEXT = "Confirmed: MRI of the knee on Monday 11 March 2030 10:15";
    private Notifications notifications;

    protected abstract Notifications newNotifications();

    /** The recipients of the messages the service accepted, e-mail addresses and phone numbers. */
    protected abstract List<String> acceptedRecipients();

    /** Answers a phone number the service refuses (as SNS refuses a number that is not E.164). */
    protected abstract String refusedPhoneNumber();

    /** Makes the service unavailable (down, throttled or timing out) from now on. */
    protected abstract void makeServiceUnavailable();

    @BeforeEach
    void freshService() {
        notifications = newNotifications();
    }

    @Test
    void sendsEachMessageToItsRecipientAlone() {
        notifications.send(new Sms("+393471234567", TEXT));
        notifications.send(new Email("maria.rossi@example.org", "Confirmed", TEXT, Optional.empty()));

        assertThat(acceptedRecipients()).containsExactlyInAnyOrder("+393471234567", "maria.rossi@example.org");
    }

    @Test
    void aRefusedRecipientIsAPermanentFailureThatNamesNeitherRecipientNorText() {
        String refused = refusedPhoneNumber();

        assertThatThrownBy(() -> notifications.send(new Sms(refused, TEXT)))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(refused).doesNotContain(TEXT);
                });
        assertThat(acceptedRecipients()).isEmpty();
    }

    @Test
    void anUnavailableServiceIsATransientFailure() {
        makeServiceUnavailable();

        assertThatThrownBy(() -> notifications.send(new Email("maria.rossi@example.org", "Confirmed", TEXT,
                Optional.empty()))).isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("maria.rossi").doesNotContain(TEXT);
                });
        assertThat(acceptedRecipients()).isEmpty();
    }
}
