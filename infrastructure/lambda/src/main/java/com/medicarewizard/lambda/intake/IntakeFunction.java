package com.medicarewizard.lambda.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.medicarewizard.intake.ApiHandler;

import java.util.Map;

/**
 * The intake Lambda's entry behind API Gateway (REST, proxy integration): Lambda builds it once per
 * container with the no-arg constructor, which wires {@link ApiHandler} to DynamoDB and SQS (and to
 * Secrets Manager and CloudWatch, called only once a request needs them: nothing is read at
 * initialisation, so no secret is in a SnapStart snapshot).
 */
public final class IntakeFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler handler;

    public IntakeFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public IntakeFunction(Map<String, String> env) {
        this.handler = IntakeWiring.api(env);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
