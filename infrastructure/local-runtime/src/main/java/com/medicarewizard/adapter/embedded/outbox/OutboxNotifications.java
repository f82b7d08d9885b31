package com.medicarewizard.adapter.embedded.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.notifier.Masks;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.SentNotifications;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@link Notifications} on one machine: each message is recorded in the {@link Outbox}; e-mail
 * also goes out over SMTP when configured (and only counts once the server took it). Text
 * messages are checked as SNS checks a phone number (E.164), so a number SNS would refuse fails
 * permanently here too.
 */
public final class OutboxNotifications implements Notifications, SentNotifications {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private final Outbox outbox;
    private final Optional<SmtpMailer> smtp;
    private final Clock clock;

    public OutboxNotifications(Outbox outbox, Optional<SmtpMailer> smtp, Clock clock) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.clock = clock;
    }

    @Override
    public void send(Email email) {
        smtp.ifPresent(mailer -> mailer.send(email));
        ObjectNode entry = entry("EMAIL", email.to(), smtp.isPresent() ? "smtp" : "outbox")
                .put("subject", email.subject()).put("text", email.text());
        email.attachment().ifPresent(a -> entry.putObject("attachment").put("fileName", a.fileName())
                .put("contentType", a.contentType()).put("content", a.content()));
        record(entry);
    }

    @Override
    public void send(Sms sms) {
        if (!E164.matcher(sms.to()).matches()) {
            throw new DeliveryFailedException("phone number refused: not in E.164 form", true, null);
        }
        record(entry("SMS", sms.to(), "outbox").put("text", sms.text()));
    }

    /** Every kept message, oldest first, as stored (recipients in clear: for tests and the local spool). */
    public List<JsonNode> entries() {
        return outbox.entries();
    }

    /** See {@link Outbox#deferringForces}: the messages recorded by {@code work} forced once, at its end, then {@code onceForced}. */
    public <T> T deferringForces(java.util.function.Supplier<T> work, Runnable onceForced) {
        return outbox.deferringForces(work, onceForced);
    }

    @Override
    public List<Message> to(Set<String> recipients) {
        return outbox.entries().stream().filter(e -> recipients.contains(e.path("to").asText()))
                .map(e -> new Message(e.path("channel").asText(), e.path("to").asText(), e.path("subject").asText(""),
                        e.path("text").asText(), Instant.parse(e.path("at").asText()))).toList();
    }

    @Override
    public int forget(Set<String> recipients) {
        return outbox.removeIf(e -> recipients.contains(e.path("to").asText()));
    }

    @Override
    public List<Entry> recent(int limit) {
        return outbox.latest(limit).stream().map(OutboxNotifications::view).toList();
    }

    private static Entry view(JsonNode e) {
        String to = e.path("to").asText();
        String masked = "EMAIL".equals(e.path("channel").asText()) ? Masks.email(to) : maskedPhone(to);
        return new Entry(e.path("id").asText(), e.path("channel").asText(), masked,
                e.path("subject").asText(e.path("channel").asText()), Instant.parse(e.path("at").asText()),
                e.path("via").asText());
    }

    private static String maskedPhone(String number) {
        try {
            return new PhoneNumber(number).masked();
        } catch (IllegalArgumentException e) {
            return "***";
        }
    }

    private ObjectNode entry(String channel, String to, String via) {
        return Outbox.entry().put("id", UUID.randomUUID().toString()).put("at", clock.instant().toString())
                .put("channel", channel).put("to", to).put("via", via);
    }

    private void record(ObjectNode entry) {
        try {
            outbox.append(entry);
        } catch (IOException e) {
            throw new DeliveryFailedException("outbox unavailable", false, e);
        }
    }
}
