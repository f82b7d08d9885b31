package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.SentNotifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the local outbox would list, newest first. */
public final class FakeOutbox implements SentNotifications {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public List<Entry> recent(int limit) {
        return entries.reversed().stream().limit(limit).toList();
    }

    public void add(Entry entry) {
        entries.add(entry);
    }
}
