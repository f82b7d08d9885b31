package com.medicarewizard.adapter.embedded.table;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link JournalSync} that forces for real and records how far the journal is known to be on
 * the disk: the file's size when a force began, once that force has completed. It can also hold
 * forces back (a slow or stalled disk) until released.
 */
public final class RecordingSync implements JournalSync {

    private final AtomicLong forcedUpTo = new AtomicLong();
    private final AtomicInteger forces = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile long pauseMillis;

    @Override
    public void force(FileChannel channel) throws IOException {
        long size = channel.size();
        waiting.incrementAndGet();
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IOException("a test held the force for a minute");
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            waiting.decrementAndGet();
        }
        channel.force(false);
        forces.incrementAndGet();
        forcedUpTo.accumulateAndGet(size, Math::max);
    }

    /** The journal's bytes known to be on the disk (of the file being forced). */
    public long forcedUpTo() {
        return forcedUpTo.get();
    }

    public int forces() {
        return forces.get();
    }

    /** Every force from now on waits until {@link #release}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /** Whether a force is being held back. */
    public boolean holding() {
        return waiting.get() > 0 && gate.getCount() > 0;
    }

    /** Each force takes this long more, as a slow disk's would. */
    public RecordingSync slowedBy(long millis) {
        pauseMillis = millis;
        return this;
    }
}
