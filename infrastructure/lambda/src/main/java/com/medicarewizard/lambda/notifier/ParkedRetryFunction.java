package com.medicarewizard.lambda.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.notifier.ParkedNotificationRetrier;
import com.medicarewizard.notifier.ParkedRetryHandler;

import java.util.Map;

/** The retrier of parked notifications, run by an EventBridge schedule. */
public final class ParkedRetryFunction implements RequestHandler<ScheduledEvent, Integer> {

    private final ParkedRetryHandler handler;

    public ParkedRetryFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public ParkedRetryFunction(Map<String, String> env) {
        NotifierWiring wiring = NotifierWiring.from(new AwsSettings(env));
        this.handler = new ParkedRetryHandler(new ParkedNotificationRetrier(
                new TableNotificationLedger(wiring.ports().table()), new TableReservations(wiring.ports().table()),
                wiring.notifier(), wiring.ports().clock(), FunctionSpecs.PARKED_RETRY.batch())
                .withReminders(wiring.reminders()));
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
