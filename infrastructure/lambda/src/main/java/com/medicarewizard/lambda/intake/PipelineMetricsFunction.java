package com.medicarewizard.lambda.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.medicarewizard.intake.ops.PipelineMetricsHandler;

import java.util.Map;

/**
 * The pipeline metrics' entry, run by an EventBridge schedule every minute: reads the operators'
 * figures (queue, table, notification ledger) and writes them as CloudWatch EMF lines.
 */
public final class PipelineMetricsFunction implements RequestHandler<ScheduledEvent, Void> {

    private final PipelineMetricsHandler handler;

    public PipelineMetricsFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public PipelineMetricsFunction(Map<String, String> env) {
        this.handler = new PipelineMetricsHandler(IntakeWiring.intake(env));
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
