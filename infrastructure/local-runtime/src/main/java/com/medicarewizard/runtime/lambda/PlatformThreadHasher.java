package com.medicarewizard.runtime.lambda;

import com.medicarewizard.intake.auth.PasswordHasher;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the password hash (tens of ms of CPU) on a few platform threads of its own. In AWS each
 * intake invocation has its container; here they all share one process and run on virtual threads,
 * whose carriers (one per core) are not preempted: log-ins hashing at once would hold the carriers
 * and stall every other request behind them. On platform threads the operating system time-slices
 * the hash with the rest, the waiting request parks its virtual thread, and short requests stay
 * short while log-ins queue for the hashing threads. {@link #threadsLeavingACore()} of them leave
 * one core to everything else.
 *
 * <p>The queue is bounded by the time it would take, not by a count: a hash that would wait more
 * than {@code maxWait} (the hashes queued ahead of it × the mean time of the last hashes ÷ the
 * threads) is refused at once with {@link PasswordHasher.BusyException} carrying that wait, at most
 * {@link #LONGEST_RETRY_AFTER} (the intake answers 503 with Retry-After), so a flood of log-ins neither piles up memory nor makes
 * every caller wait longer and longer, whatever a hash costs on this machine.
 */
public final class PlatformThreadHasher implements PasswordHasher, AutoCloseable {
    /** Weight of the newest hash in the running mean: the mean follows a busier machine within some 10 hashes. */
    private static final double NEWEST_WEIGHT = 0.1;
    /**
     * The longest Retry-After a refusal gives: a stalled hash (a paused machine) inflates the running
     * mean, and the estimate with it, far beyond how soon the backlog really clears.
     */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(10);
    private final PasswordHasher delegate;
    private final int threadCount;
    private final long maxWaitNanos;
    private final ExecutorService threads;
    /** Hashes admitted and not yet finished: on a thread, or waiting for one. */
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicLong meanNanos;

    /**
     * @param threads      hashes at once, at most
     * @param maxWait      the longest a hash may expect to wait for a thread; beyond, it is refused
     * @param expectedHash what a hash is taken to cost until some have been timed
     */
    public PlatformThreadHasher(PasswordHasher delegate, int threads, Duration maxWait, Duration expectedHash) {
        if (threads < 1 || maxWait.isNegative() || maxWait.isZero() || expectedHash.isNegative() || expectedHash.isZero()) {
            throw new IllegalArgumentException("at least one hashing thread, a positive wait and a positive hash time");
        }
        this.delegate = delegate;
        this.threadCount = threads;
        this.maxWaitNanos = maxWait.toNanos();
        this.meanNanos = new AtomicLong(expectedHash.toNanos());
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("password-hash-", 1).daemon().factory());
    }

    /** All cores but one (at least one thread): hashing never takes the whole machine. */
    public static int threadsLeavingACore() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    @Override
    public String hash(String password) {
        return onHashingThread(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(String password, String hash) {
        return onHashingThread(() -> delegate.verify(password, hash));
    }

    @Override
    public boolean needsRehash(String hash) {
        return delegate.needsRehash(hash);
    }

    @Override
    public void admit() {
        long wait = expectedWaitNanos(admitted.get());
        if (wait > maxWaitNanos) {
            throw busy(wait);
        }
    }

    /** The refusal of a hash that would wait {@code waitNanos}, its Retry-After at most {@link #LONGEST_RETRY_AFTER}. */
    private static PasswordHasher.BusyException busy(long waitNanos) {
        return new PasswordHasher.BusyException(Duration.ofNanos(Math.min(waitNanos, LONGEST_RETRY_AFTER.toNanos())));
    }

    /** What a hash arriving with {@code ahead} others admitted would wait: those beyond the threads, shared by them. */
    private long expectedWaitNanos(int ahead) {
        long queued = Math.max(0, ahead + 1 - threadCount);
        return meanNanos.get() * queued / threadCount;
    }

    private <T> T onHashingThread(Callable<T> work) {
        admitOne();
        // whoever claims the call first, the thread running it or the caller giving up, hands its place back
        AtomicBoolean claimed = new AtomicBoolean();
        Future<T> result;
        try {
            result = threads.submit(() -> claimed.compareAndSet(false, true) ? timed(work) : null);
        } catch (RuntimeException shutDown) {
            admitted.decrementAndGet();
            throw shutDown;
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            if (claimed.compareAndSet(false, true)) {
                admitted.decrementAndGet();
            }
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the password hash", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Takes a place if the wait it would mean is within bounds, atomically with the others arriving. */
    private void admitOne() {
        while (true) {
            int ahead = admitted.get();
            long wait = expectedWaitNanos(ahead);
            if (wait > maxWaitNanos) {
                throw busy(wait);
            }
            if (admitted.compareAndSet(ahead, ahead + 1)) {
                return;
            }
        }
    }

    private <T> T timed(Callable<T> work) throws Exception {
        long start = System.nanoTime();
        try {
            return work.call();
        } finally {
            long took = System.nanoTime() - start;
            meanNanos.updateAndGet(mean -> Math.round(mean + NEWEST_WEIGHT * (took - mean)));
            admitted.decrementAndGet();
        }
    }

    /** Hashes admitted and waiting for a thread. */
    int waiting() {
        return Math.max(0, admitted.get() - threadCount);
    }

    /** The running mean of a hash's time, as the wait is estimated from. */
    Duration meanHash() {
        return Duration.ofNanos(meanNanos.get());
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
