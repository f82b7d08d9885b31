package com.medicarewizard.runtime.lambda;

import com.medicarewizard.intake.auth.PasswordHasher;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the password hash (about 70 ms of CPU for bcrypt at cost 10) on a few platform threads of
 * its own. In AWS each intake invocation has its container; here they all share one process and run
 * on virtual threads, whose carriers (one per core) are not preempted: two log-ins hashing at once
 * would hold both carriers and stall every other request behind them. On platform threads the
 * operating system time-slices the hash with the rest, the waiting request parks its virtual
 * thread, and short requests stay short while log-ins queue for the hashing threads.
 *
 * <p>The queue is bounded: a hash that finds {@code waiting} others queued already is refused at
 * once with {@link PasswordHasher.BusyException} (the intake answers 503 with Retry-After), so a
 * flood of log-ins neither piles up memory nor makes every caller wait longer and longer.
 */
public final class PlatformThreadHasher implements PasswordHasher, AutoCloseable {
    private final PasswordHasher delegate;
    private final ThreadPoolExecutor threads;

    /** {@code threads} at most hash at once; up to {@code waiting} others wait their turn, the rest are refused. */
    public PlatformThreadHasher(PasswordHasher delegate, int threads, int waiting) {
        if (threads < 1 || waiting < 1) {
            throw new IllegalArgumentException("at least one hashing thread and one place to wait");
        }
        this.delegate = delegate;
        this.threads = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(waiting), Thread.ofPlatform().name("password-hash-", 1).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public String hash(String password) {
        return onHashingThread(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(String password, String hash) {
        return onHashingThread(() -> delegate.verify(password, hash));
    }

    private <T> T onHashingThread(Callable<T> work) {
        Future<T> result;
        try {
            result = threads.submit(work);
        } catch (RejectedExecutionException full) {
            throw new PasswordHasher.BusyException();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
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

    /** Hashes queued, not yet on a thread. */
    int waiting() {
        return threads.getQueue().size();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
