package com.medicarewizard.port;

import java.util.Objects;
import java.util.Optional;

/**
 * Sends one message to one patient: an e-mail or a text message. Adapters send exactly what
 * they are given to exactly that recipient; retries, breakers and the exactly-once markers are
 * the notifier's business, not theirs.
 */
public interface Notifications {

    /** @throws DeliveryFailedException when the message was not accepted */
    void send(Email email);

    /** @throws DeliveryFailedException when the message was not accepted */
    void send(Sms sms);

    record Email(String to, String subject, String text, Optional<Attachment> attachment) {
        public Email {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(attachment, "attachment");
        }

        @Override
        public String toString() {
            return "Email[" + subject + "]";
        }
    }

    /** A file sent with an e-mail, e.g. {@code reservation.ics} as {@code text/calendar}. */
    record Attachment(String fileName, String contentType, String content) {
        public Attachment {
            Objects.requireNonNull(fileName, "file name");
            Objects.requireNonNull(contentType, "content type");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A text message to a number in E.164 form. */
    record Sms(String to, String text) {
        public Sms {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Sms[" + text.length() + " chars]";
        }
    }

    /** What it takes for a message the service did not accept to go through. */
    enum Recovery {
        /** The service was unavailable, throttled or timed out: sending again, now or later, can help. */
        TRANSIENT,
        /**
         * The service refuses it until an operator sets something up — a recipient or sender identity
         * verified (the SES sandbox), a grant, an account's sending resumed: nothing changes within
         * the call, so it is not retried then, but it is worth trying again later.
         */
        AFTER_SETUP,
        /** Sending it again cannot help (the recipient is malformed or refused). */
        PERMANENT
    }

    /**
     * The service did not accept the message, and what it takes to go through ({@link Recovery}).
     * The message never holds the recipient or the text.
     */
    final class DeliveryFailedException extends RuntimeException {
        private final Recovery recovery;

        public DeliveryFailedException(String message, Recovery recovery, Throwable cause) {
            super(message, cause);
            this.recovery = java.util.Objects.requireNonNull(recovery, "recovery");
        }

        /** {@link Recovery#PERMANENT} when {@code permanent}, {@link Recovery#TRANSIENT} otherwise. */
        public DeliveryFailedException(String message, boolean permanent, Throwable cause) {
            this(message, permanent ? Recovery.PERMANENT : Recovery.TRANSIENT, cause);
        }

        public Recovery recovery() {
            return recovery;
        }

        public boolean permanent() {
            return recovery == Recovery.PERMANENT;
        }
    }
}
