package com.medicarewizard.runtime.lambda;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops an executor so that nothing it runs outlives a bounded stop: the task under way is given
 * {@code grace} to finish, then it is interrupted and given as long again.
 */
public final class ExecutorStop {

    private ExecutorStop() {
    }

    /** Whether every task has ended. */
    public static boolean within(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            executor.shutdownNow();
            return executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return executor.isTerminated();
        }
    }
}
