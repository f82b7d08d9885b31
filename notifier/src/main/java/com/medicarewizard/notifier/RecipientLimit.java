package com.medicarewizard.notifier;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.port.RecipientQuota;

import java.time.Clock;
import java.time.Instant;

/**
 * Applies the {@link MessageLimit} through the durable {@link RecipientQuota}: the recipient is the
 * address on its channel (not the patient: two accounts with one phone number share its limit); the
 * table adapter keys it by a hash, so that no address reaches the table. The message is counted under its
 * notification id, so a redelivered record or a retried parked message is not counted twice.
 */
final class RecipientLimit {
    private final RecipientQuota quota;
    private final MessageLimit limit;
    private final Clock clock;

    RecipientLimit(RecipientQuota quota, MessageLimit limit, Clock clock) {
        this.quota = quota;
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether the message may go out now; when it may, it is counted. */
    boolean admits(NotificationKey key, String address) {
        Instant now = clock.instant();
        return quota.admit(RecipientQuota.subject(key.channel(), address), key.id(), now, now.minus(limit.window()), limit.perWindow());
    }

    MessageLimit limit() {
        return limit;
    }
}
