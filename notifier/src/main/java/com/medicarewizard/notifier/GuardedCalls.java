package com.medicarewizard.notifier;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.port.DomainEvents;
import com.medicarewizard.port.Notifications;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Calls to the senders, each channel behind its own Resilience4j retry (exponential back-off with
 * jitter, transient failures only) and circuit breaker (so a service that is down is not hammered
 * and costs no time: calls fail at once until it is tried again). A call ends {@link Result#sent()}
 * or with a failure that says whether trying later can help.
 */
final class GuardedCalls {
    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;
    /**
     * Kept beside the calls for what surrounds one send: the ledger's and the quota's reads and
     * writes (milliseconds each on DynamoDB) and returning the batch response.
     */
    private static final Duration ALLOWANCE = Duration.ofSeconds(2);
    private final Duration worstCase;
    private final Map<Channel, Retry> retries = new EnumMap<>(Channel.class);
    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);

    GuardedCalls(NotifierSettings settings) {
        RetryConfig retry = RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.firstBackOff(), MULTIPLIER,
                        JITTER))
                .retryOnException(GuardedCalls::isTransient)
                .build();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreException(e -> !isTransient(e))
                .build();
        for (Channel channel : Channel.values()) {
            retries.put(channel, Retry.of("notifier-" + channel, retry));
            breakers.put(channel, CircuitBreaker.of("notifier-" + channel, breaker));
        }
        worstCase = worstCase(settings);
    }

    /**
     * The longest one side effect can take: every call timing out, the longest back-off (its jitter
     * at the top) between them, and the {@link #ALLOWANCE} around them.
     */
    Duration worstCase() {
        return worstCase;
    }

    private static Duration worstCase(NotifierSettings settings) {
        Duration total = settings.callTimeout().multipliedBy(settings.attempts()).plus(ALLOWANCE);
        double pause = settings.firstBackOff().toMillis() * (1 + JITTER);
        for (int i = 1; i < settings.attempts(); i++, pause *= MULTIPLIER) {
            total = total.plusMillis((long) Math.ceil(pause));
        }
        return total;
    }

    /** What became of one side effect. */
    record Result(boolean sent, boolean permanent, String reason) {
        static final Result SENT = new Result(true, false, "");
    }

    Result call(Channel channel, Runnable send) {
        Runnable guarded = Retry.decorateRunnable(retries.get(channel),
                CircuitBreaker.decorateRunnable(breakers.get(channel), send));
        try {
            guarded.run();
            return Result.SENT;
        } catch (CallNotPermittedException e) {
            return new Result(false, false, "circuit open: " + channel + " failed repeatedly");
        } catch (Notifications.DeliveryFailedException e) {
            return new Result(false, e.permanent(), e.getMessage());
        } catch (DomainEvents.PublishFailedException e) {
            return new Result(false, false, e.getMessage());
        }
    }

    CircuitBreaker.State state(Channel channel) {
        return breakers.get(channel).getState();
    }

    /**
     * Only a transient failure is retried within the call and counts against the breaker: a refusal
     * that waits for an operator's set-up ({@link Notifications.Recovery#AFTER_SETUP}) is parked at
     * once, retryable, and says nothing about the service being down.
     */
    private static boolean isTransient(Throwable e) {
        return e instanceof Notifications.DeliveryFailedException d
                ? d.recovery() == Notifications.Recovery.TRANSIENT
                : e instanceof DomainEvents.PublishFailedException;
    }
}
