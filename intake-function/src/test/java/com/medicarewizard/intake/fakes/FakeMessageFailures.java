package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.MessageFailures;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The allocator's recorded failures in memory, by message id. */
public final class FakeMessageFailures implements MessageFailures {
    private final Map<String, MessageFailure> byMessage = new ConcurrentHashMap<>();

    @Override
    public void record(MessageFailure failure) {
        byMessage.put(failure.messageId(), failure);
    }

    @Override
    public Optional<MessageFailure> find(String messageId) {
        return Optional.ofNullable(byMessage.get(messageId));
    }
}
