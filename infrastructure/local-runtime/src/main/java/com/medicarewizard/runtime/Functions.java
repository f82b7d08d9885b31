package com.medicarewizard.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.adapter.sqs.ReservationCommandCodec;
import com.medicarewizard.allocator.AllocatorHandler;
import com.medicarewizard.allocator.PendingRequestSweeper;
import com.medicarewizard.allocator.ReservationAllocator;
import com.medicarewizard.allocator.SweeperHandler;
import com.medicarewizard.intake.ApiHandler;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.IntakeConfig;

import java.time.Clock;

/** Builds each function's handler on the stand-ins, once, as a Lambda container would. */
record Functions(StandIns standIns, RuntimeConfig config, Clock clock) {
    private static final int SWEEP_BATCH = 500;

    AllocatorHandler allocator() {
        ReservationAllocator allocator = new ReservationAllocator(standIns.reservations(), standIns.ledger(),
                standIns.catalog(), clock);
        return new AllocatorHandler(allocator, message -> ReservationCommandCodec.parse(message.getBody(),
                stringAttributes(message)));
    }

    private static java.util.Map<String, String> stringAttributes(SQSEvent.SQSMessage message) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value.getStringValue() != null) {
                    values.put(name, value.getStringValue());
                }
            });
        }
        return values;
    }

    SweeperHandler sweeper() {
        return new SweeperHandler(new PendingRequestSweeper(standIns.reservations(), standIns.queue(), clock,
                config.sweepAfter(), SWEEP_BATCH));
    }

    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> intake() {
        IntakeConfig intake = new IntakeConfig(config.opsToken(), IntakeConfig.defaults().tokenTtl(),
                IntakeConfig.Throttle.standard());
        return new ApiHandler(new Intake(standIns.catalog(), standIns.ledger(), standIns.reservations(),
                standIns.queue(), standIns.patients(), standIns.tokens(), standIns.loginAttempts(), intake, clock));
    }
}
