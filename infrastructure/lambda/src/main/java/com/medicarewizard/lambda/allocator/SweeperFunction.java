package com.medicarewizard.lambda.allocator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.allocator.PendingRequestSweeper;
import com.medicarewizard.allocator.SweeperHandler;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.functions.SweeperSpec;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.SqsQueues;
import com.medicarewizard.lambda.common.TablePorts;

import java.time.Duration;
import java.util.Map;

/**
 * The sweeper's entry, run by an EventBridge schedule: re-sends requests left PENDING longer than
 * {@code MCW_SWEEP_AFTER_SECONDS} (by default the patience of {@link FunctionSpecs#SWEEPER}) to the
 * reservation queue.
 */
public final class SweeperFunction implements RequestHandler<ScheduledEvent, Integer> {

    private final SweeperHandler handler;

    public SweeperFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public SweeperFunction(Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        TablePorts ports = TablePorts.from(settings);
        this.handler = new SweeperHandler(new PendingRequestSweeper(new TableReservations(ports.table()),
                SqsQueues.from(settings).reservations(), ports.clock(),
                patience(settings), FunctionSpecs.SWEEPER.batch()));
    }

    private static Duration patience(AwsSettings settings) {
        SweeperSpec spec = FunctionSpecs.SWEEPER;
        return SweeperSpec.checkedPatience(settings.seconds("MCW_SWEEP_AFTER_SECONDS", spec.patience().aws().toSeconds()),
                FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().aws());
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
