package com.medicarewizard.lambda.allocator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.sqs.ReservationCommandCodec;
import com.medicarewizard.allocator.AllocatorHandler;
import com.medicarewizard.allocator.MessageAttributes;
import com.medicarewizard.allocator.ReservationAllocator;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.TablePorts;
import com.medicarewizard.adapter.table.TableDecisions;
import com.medicarewizard.port.Decisions;

import java.util.Map;

/**
 * The slot allocator's entry on the reservation queue (SQS event source mapping with
 * ReportBatchItemFailures, at most two batches at once: docs/adr/0008): wires {@link AllocatorHandler} to DynamoDB.
 */
public final class AllocatorFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final AllocatorHandler handler;

    public AllocatorFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public AllocatorFunction(Map<String, String> env) {
        TablePorts ports = TablePorts.from(new AwsSettings(env));
        int limit = FunctionSpecs.LIMITS.overriddenBy(env).activeBookingsPerPatient();
        ReservationAllocator allocator = new ReservationAllocator(new TableReservations(ports.table()),
                new TableSlotLedger(ports.table()), new TableDecisions(ports.table()), ports.catalog(), new ActiveBookingsLimit(limit), ports.clock(),
                FunctionSpecs.ALLOCATOR.function().timeout().aws(), Decisions.MAX_CELLS,
                FunctionSpecs.ALLOCATOR.decidedAtOnce().aws() > 1);
        this.handler = new AllocatorHandler(allocator,
                message -> ReservationCommandCodec.parse(message.getBody(), MessageAttributes.strings(message)),
                new TableMessageFailures(ports.table()), ports.clock(), FunctionSpecs.ALLOCATOR.decidedAtOnce().aws(),
                ports.catalog());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
