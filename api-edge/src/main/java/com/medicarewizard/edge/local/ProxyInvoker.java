package com.medicarewizard.edge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * Invokes the Lambda function behind the gateway with a proxy event. The runtime supplies the
 * invocation (with its {@code Context}); the gateway only knows events in and out.
 */
@FunctionalInterface
public interface ProxyInvoker {

    /**
     * Handles one request event; a thrown exception is a failed invocation (the gateway answers
     * 502 as API Gateway does).
     */
    APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) throws Exception;
}
