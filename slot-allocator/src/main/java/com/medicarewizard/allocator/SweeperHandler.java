package com.medicarewizard.allocator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** The sweeper's Lambda, run on a schedule (EventBridge in AWS, a timer locally): re-sends overdue requests. */
public final class SweeperHandler implements RequestHandler<ScheduledEvent, Integer> {
    private final PendingRequestSweeper sweeper;

    public SweeperHandler(PendingRequestSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return sweeper.sweep();
    }
}
