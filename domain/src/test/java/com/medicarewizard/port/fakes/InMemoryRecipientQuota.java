package com.medicarewizard.port.fakes;

import com.medicarewizard.port.RecipientQuota;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-recipient counts in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.RecipientQuotaContract}: each call decided under one lock.
 */
public final class InMemoryRecipientQuota implements RecipientQuota {
    private final Map<String, Map<String, Instant>> counted = new HashMap<>();

    @Override
    public synchronized boolean admit(String subject, String messageId, Instant at, Instant since, int limit) {
        Map<String, Instant> messages = counted.computeIfAbsent(subject, s -> new LinkedHashMap<>());
        if (messages.containsKey(messageId)) {
            return true;
        }
        if (messages.values().stream().filter(t -> !t.isBefore(since)).count() >= limit) {
            return false;
        }
        messages.put(messageId, at);
        return true;
    }

    @Override
    public synchronized void forget(String subject) {
        counted.remove(subject);
    }
}
