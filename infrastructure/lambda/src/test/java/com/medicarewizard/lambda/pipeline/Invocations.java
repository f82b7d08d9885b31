package com.medicarewizard.lambda.pipeline;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every invocation of the entries, with whether it ended before its deadline — the {@code Context}'s
 * remaining time, which counts down from the function's timeout as on Lambda. An invocation that
 * outlives it is one Lambda would have cut off mid-way.
 */
final class Invocations {

    /** One invocation: the function, the time it had left when it ended, and what it threw. */
    record Invocation(String function, int remainingMillis, Optional<Throwable> failure) {

        boolean overran() {
            return remainingMillis <= 0;
        }
    }

    private final List<Invocation> all = new CopyOnWriteArrayList<>();

    /** {@code handler}, recorded here under {@code function}. */
    <I, O> RequestHandler<I, O> recorded(String function, RequestHandler<I, O> handler) {
        return (event, context) -> {
            Throwable failure = null;
            try {
                return handler.handleRequest(event, context);
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            } finally {
                all.add(new Invocation(function, context.getRemainingTimeInMillis(), Optional.ofNullable(failure)));
            }
        };
    }

    List<Invocation> of(String function) {
        return all.stream().filter(i -> i.function().equals(function)).toList();
    }

    List<Invocation> all() {
        return List.copyOf(all);
    }
}
