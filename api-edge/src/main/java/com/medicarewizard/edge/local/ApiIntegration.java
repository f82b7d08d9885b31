package com.medicarewizard.edge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.medicarewizard.edge.ApiRoutes;
import com.medicarewizard.edge.RouteMatch;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The API part of the gateway: route, read the body within the payload limit, invoke the Lambda
 * proxy integration within the integration timeout, and map its answer.
 */
final class ApiIntegration {

    private static final Logger LOG = LogManager.getLogger(ApiIntegration.class);

    private final ApiRoutes routes;
    private final ProxyInvoker invoker;
    private final GatewayLimits limits;
    private final ProxyEventFactory events;
    private final ExecutorService invocations;

    ApiIntegration(ApiRoutes routes, ProxyInvoker invoker, GatewayLimits limits,
                   ProxyEventFactory events, ExecutorService invocations) {
        this.routes = routes;
        this.invoker = invoker;
        this.limits = limits;
        this.events = events;
        this.invocations = invocations;
    }

    Reply handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        return switch (routes.match(exchange.getRequestMethod(), rawPath)) {
            case RouteMatch.NoSuchResource none -> Problems.notFound();
            case RouteMatch.MethodNotAllowed wrong -> Problems.methodNotAllowed(wrong.allowed());
            case RouteMatch.Found route -> integrate(exchange, route);
        };
    }

    private Reply integrate(HttpExchange exchange, RouteMatch.Found route) throws IOException {
        byte[] body;
        try {
            body = BoundedBody.read(exchange.getRequestBody(),
                    exchange.getRequestHeaders().getFirst("Content-Length"), limits.maxRequestBytes());
        } catch (BoundedBody.TooLargeException e) {
            return Problems.payloadTooLarge(limits.maxRequestBytes());
        }
        APIGatewayProxyRequestEvent event = events.build(exchange, route, body);
        // API Gateway names every answer with the ids it gave the request
        return invoke(event).with("x-amzn-RequestId", event.getRequestContext().getRequestId())
                .with("x-amz-apigw-id", event.getRequestContext().getExtendedRequestId());
    }

    private Reply invoke(APIGatewayProxyRequestEvent event) {
        String requestId = event.getRequestContext().getRequestId();
        Future<APIGatewayProxyResponseEvent> invocation;
        try {
            invocation = invocations.submit(() -> invoker.invoke(event));
        } catch (RejectedExecutionException stopping) {
            // the gateway is stopping: a request its listener took just before is not invoked, and says so
            LOG.info("Refused {} {} ({}): the gateway is stopping", event.getHttpMethod(), event.getResource(), requestId);
            return Problems.stopping().with("Retry-After", "1");
        }
        try {
            long timeout = limits.integrationTimeout().toMillis();
            return ProxyResponses.toReply(invocation.get(timeout, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // API Gateway stops waiting, the function may still run: interrupt it as a courtesy
            invocation.cancel(true);
            LOG.warn("Integration timed out after {} for request {} {} ({})",
                    limits.integrationTimeout(), event.getHttpMethod(), event.getResource(), requestId);
            return Problems.integrationTimeout();
        } catch (ExecutionException e) {
            LOG.error("Integration failed for request {} {} ({})",
                    event.getHttpMethod(), event.getResource(), requestId, e.getCause());
            return Problems.lambdaFailed();
        } catch (InterruptedException e) {
            invocation.cancel(true);
            Thread.currentThread().interrupt();
            return Problems.lambdaFailed();
        }
    }
}
