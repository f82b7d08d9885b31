package com.medicarewizard.lambda.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.TablePorts;
import com.medicarewizard.notifier.AvailabilityProjector;
import com.medicarewizard.notifier.AvailabilityProjectorHandler;

import java.util.Map;

/**
 * The availability projector's entry on the table's stream (docs/adr/0014): a mapping filtered to claim
 * records, with ReportBatchItemFailures, bisect on error, bounded retries and the stream failures'
 * on-failure destination, as the notifier's.
 */
public final class AvailabilityProjectorFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final AvailabilityProjectorHandler handler;

    public AvailabilityProjectorFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public AvailabilityProjectorFunction(Map<String, String> env) {
        TablePorts ports = TablePorts.from(new AwsSettings(env));
        this.handler = new AvailabilityProjectorHandler(new AvailabilityProjector(new TableTakenCells(ports.table())));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
