package com.medicarewizard.port;

import java.time.Instant;
import java.util.List;

/**
 * What was sent recently, as the local outbox keeps it (AWS has no such list: SNS and SES report
 * delivery to CloudWatch). For the operator page; recipients masked, no message bodies.
 */
public interface SentNotifications {

    List<Entry> recent(int limit);

    record Entry(String id, String channel, String maskedRecipient, String subject, Instant at, String via) {
    }
}
