package com.medicarewizard.runtime.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One function "container": a handler instance built once and reused across invocations, run
 * on the container's single thread with a fresh {@link LocalLambdaContext} and the configured
 * timeout enforced.
 *
 * <p>The single thread is what makes the handler single-threaded, as one Lambda execution
 * environment is: a handler that ignores the interrupt after a timeout keeps the container busy,
 * and the next invocation waits for it (and its own timeout runs meanwhile).
 *
 * @param <I> the event type
 * @param <O> the result type
 */
public final class LocalFunction<I, O> implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(LocalFunction.class);
    private static final Duration STOP_GRACE = Duration.ofMillis(500);

    private final FunctionConfig config;
    private final RequestHandler<I, O> handler;
    private final Clock clock;
    private final ExecutorService container;

    public LocalFunction(FunctionConfig config, RequestHandler<I, O> handler, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.container = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("lambda-" + config.name()).daemon().factory());
    }

    public LocalFunction(FunctionConfig config, RequestHandler<I, O> handler) {
        this(config, handler, Clock.systemUTC());
    }

    /** The function's configuration. */
    public FunctionConfig config() {
        return config;
    }

    /**
     * Invokes the handler and waits for its result.
     *
     * @throws InvocationFailedException when the handler throws, runs past the timeout (its
     *     thread is then interrupted), or the caller is interrupted while waiting
     */
    public O invoke(I event) {
        Instant deadline = clock.instant().plus(config.timeout());
        var context = new LocalLambdaContext(config, deadline, clock);
        Future<O> run = container.submit(() -> handler.handleRequest(event, context));
        try {
            return run.get(config.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw failure("failed", context, false, e.getCause());
        } catch (TimeoutException e) {
            run.cancel(true);
            throw failure("timed out after " + config.timeout().toMillis() + " ms", context, true, e);
        } catch (InterruptedException e) {
            // the caller is stopping (e.g. the event source closes): abandon the invocation
            run.cancel(true);
            Thread.currentThread().interrupt();
            throw failure("abandoned", context, false, e);
        }
    }

    /**
     * Stops the container: an invocation still running (one its caller abandoned) is given a
     * moment, then interrupted, and waited for once more, so that a handler does not go on writing
     * to stores that are about to close.
     */
    @Override
    public void close() {
        if (!ExecutorStop.within(container, STOP_GRACE)) {
            LOG.warn("{} is still running after it was stopped; what it does now may fail", config.name());
        }
    }

    private InvocationFailedException failure(String what, LocalLambdaContext context,
                                              boolean timedOut, Throwable cause) {
        String message = "invocation " + context.getAwsRequestId() + " of " + config.name() + " " + what;
        return new InvocationFailedException(message, context.getAwsRequestId(), timedOut, cause);
    }
}
