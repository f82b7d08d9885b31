package com.medicarewizard.port;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What was sent recently, as the local outbox keeps it (AWS has no such list: SNS and SES report
 * delivery to CloudWatch). For the operator page; recipients masked, no message bodies. A patient's own
 * messages, whole, for their export ({@link #to}), and gone with their account ({@link #forget}).
 */
public interface SentNotifications {

    List<Entry> recent(int limit);

    /** Every kept message sent to one of {@code recipients} (e-mail addresses and E.164 numbers), oldest first. */
    List<Message> to(Set<String> recipients);

    /** Removes every kept message sent to one of {@code recipients}; answers how many. */
    int forget(Set<String> recipients);

    /** A kept message as its recipient got it; {@code subject} is empty for a text message. */
    record Message(String channel, String to, String subject, String text, Instant at) {
    }

    record Entry(String id, String channel, String maskedRecipient, String subject, Instant at, String via) {
    }
}
