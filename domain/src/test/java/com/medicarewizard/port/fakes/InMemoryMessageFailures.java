package com.medicarewizard.port.fakes;

import com.medicarewizard.port.MessageFailures;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The allocator's recorded failures in memory, by message id, for the functions' unit tests; held
 * to {@link com.medicarewizard.port.contract.MessageFailuresContract}.
 */
public final class InMemoryMessageFailures implements MessageFailures {
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
