package com.medicarewizard.port;

import com.medicarewizard.domain.notification.Channel;

import java.time.Instant;
import java.util.Locale;

/**
 * The messages each recipient was sent lately, for the per-recipient message limit: nobody can
 * have the center pay for a flood of e-mails or texts to one address. Recipients are named by a
 * subject (channel and address); an adapter that keeps it stores only its hash. The counts are kept in
 * durable storage shared by every notifier (the table in AWS), never in one process's memory.
 */
public interface RecipientQuota {

    /**
     * Counts message {@code messageId} to {@code subject} at {@code at} and answers true, unless
     * {@code limit} other messages were counted for that subject at or after {@code since}: then it
     * counts nothing and answers false. A message counted before answers true without being counted
     * again (a redelivered stream record, a parked notification tried again). Racing calls for one
     * subject never admit more than {@code limit} messages in the window.
     */
    boolean admit(String subject, String messageId, Instant at, Instant since, int limit);

    /** Forgets what was counted for {@code subject}: its recipient erased their account. */
    void forget(String subject);

    /** The subject naming {@code address} on {@code channel}: the channel and the address in lower case. */
    static String subject(Channel channel, String address) {
        return channel.name() + ":" + address.strip().toLowerCase(Locale.ROOT);
    }
}
