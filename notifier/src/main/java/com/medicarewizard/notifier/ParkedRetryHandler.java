package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/**
 * The scheduled Lambda that tries due parked notifications again; answers how many it tried. It
 * stops before its invocation's time runs out ({@link TimeBudget}), leaving the rest due.
 */
public final class ParkedRetryHandler implements RequestHandler<ScheduledEvent, Integer> {
    private final ParkedNotificationRetrier retrier;

    public ParkedRetryHandler(ParkedNotificationRetrier retrier) {
        this.retrier = retrier;
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return retrier.retryDue(TimeBudget.of(context));
    }
}
