package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.SentNotifications;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the local outbox would list, newest first; and the messages it keeps, whole. */
public final class FakeOutbox implements SentNotifications {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    @Override
    public List<Entry> recent(int limit) {
        return entries.reversed().stream().limit(limit).toList();
    }

    @Override
    public List<Message> to(Set<String> recipients) {
        return messages.stream().filter(m -> recipients.contains(m.to())).toList();
    }

    @Override
    public int forget(Set<String> recipients) {
        int before = messages.size();
        messages.removeIf(m -> recipients.contains(m.to()));
        return before - messages.size();
    }

    public void add(Entry entry) {
        entries.add(entry);
    }

    public void add(Message message) {
        messages.add(message);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }
}
