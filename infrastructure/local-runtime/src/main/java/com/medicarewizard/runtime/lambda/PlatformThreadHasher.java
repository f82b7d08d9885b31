package com.medicarewizard.runtime.lambda;

import com.medicarewizard.intake.auth.PasswordHasher;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the password hash (about 70 ms of CPU for bcrypt at cost 10) on a few platform threads of
 * its own. In AWS each intake invocation has its container; here they all share one process and run
 * on virtual threads, whose carriers (one per core) are not preempted: two log-ins hashing at once
 * would hold both carriers and stall every other request behind them. On platform threads the
 * operating system time-slices the hash with the rest, the waiting request parks its virtual
 * thread, and short requests stay short while log-ins queue for the hashing threads.
 */
public final class PlatformThreadHasher implements PasswordHasher, AutoCloseable {
    private final PasswordHasher delegate;
    private final ExecutorService threads;

    /** {@code threads} at most hash at once; the others wait their turn. */
    public PlatformThreadHasher(PasswordHasher delegate, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one hashing thread");
        }
        this.delegate = delegate;
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("password-hash-", 1)
                .daemon().factory());
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
        Future<T> result = threads.submit(work);
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

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
