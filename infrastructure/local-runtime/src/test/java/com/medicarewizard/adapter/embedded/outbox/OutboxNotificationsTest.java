package com.medicarewizard.adapter.embedded.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.contract.NotificationsContract;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The local outbox (without SMTP) keeps the senders' contract: it refuses what SNS refuses. */
class OutboxNotificationsTest extends NotificationsContract {

    @TempDir
    Path directory;
    private OutboxNotifications outbox;

    @Override
    protected Notifications newNotifications() {
        outbox = new OutboxNotifications(new Outbox(directory), Optional.empty(), Clock.systemUTC());
        return outbox;
    }

    @Override
    protected List<String> acceptedRecipients() {
        if (!Files.isRegularFile(directory.resolve(Outbox.FILE))) {
            return List.of();
        }
        return outbox.entries().stream().map(e -> e.path("to")).map(JsonNode::asText).toList();
    }

    /** Not E.164: SNS refuses it. */
    @Override
    protected String refusedPhoneNumber() {
        return "347 123 4567";
    }

    /** The outbox's file cannot be written: a directory stands where it would be. */
    @Override
    protected void makeServiceUnavailable() {
        try {
            Files.createDirectories(directory.resolve(Outbox.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
