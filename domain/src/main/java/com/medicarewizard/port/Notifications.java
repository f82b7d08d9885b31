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

    /**
     * The service did not accept the message. {@code permanent} when sending it again cannot help
     * (the recipient is refused); otherwise the service was unavailable, throttled or timed out.
     * The message never holds the recipient or the text.
     */
    final class DeliveryFailedException extends RuntimeException {
        private final boolean permanent;

        public DeliveryFailedException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
