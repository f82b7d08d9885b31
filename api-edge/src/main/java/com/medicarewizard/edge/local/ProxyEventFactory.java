package com.medicarewizard.edge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.medicarewizard.edge.RouteMatch;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the {@link APIGatewayProxyRequestEvent} that API Gateway's REST API sends to a Lambda
 * proxy integration for one HTTP request, field by field as AWS fills it.
 */
final class ProxyEventFactory {

    static final String STAGE = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ProxyEventFactory(Clock clock) {
        this.clock = clock;
    }

    APIGatewayProxyRequestEvent build(HttpExchange exchange, RouteMatch.Found route, byte[] body) {
        String rawPath = exchange.getRequestURI().getRawPath();
        var headers = ProxyHeaders.of(exchange, traceId());
        var query = ProxyQuery.parse(exchange.getRequestURI().getRawQuery());
        var event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(exchange.getRequestMethod())
                .withResource(route.resource())
                // REST APIs pass the path still percent-encoded; only path parameters are decoded
                .withPath(rawPath)
                .withPathParameters(route.pathParameters().isEmpty() ? null : route.pathParameters())
                .withQueryStringParameters(query.single())
                .withMultiValueQueryStringParameters(query.multi())
                .withHeaders(headers.single())
                .withMultiValueHeaders(headers.multi())
                .withStageVariables(null)
                .withRequestContext(context(exchange, route.resource(), rawPath, headers));
        withBody(event, body, headers.first("Content-Type"));
        return event;
    }

    private static void withBody(APIGatewayProxyRequestEvent event, byte[] body, String contentType) {
        if (body.length == 0) {
            event.setBody(null);
            event.setIsBase64Encoded(false);
        } else if (MediaTypes.isText(contentType)) {
            event.setBody(new String(body, StandardCharsets.UTF_8));
            event.setIsBase64Encoded(false);
        } else {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
    }

    private ProxyRequestContext context(HttpExchange exchange, String resource, String rawPath, ProxyHeaders headers) {
        long now = clock.millis();
        String host = headers.first("Host");
        return new ProxyRequestContext()
                .withRequestId(UUID.randomUUID().toString())
                .withExtendedRequestId(extendedRequestId())
                .withApiId("local")
                .withStage(STAGE)
                .withResourcePath(resource)
                .withHttpMethod(exchange.getRequestMethod())
                // with a stage in the URL API Gateway reports the path it was invoked on
                .withPath("/" + STAGE + rawPath)
                .withRequestTimeEpoch(now)
                .withRequestTime(REQUEST_TIME.format(Instant.ofEpochMilli(now)))
                .withProtocol(exchange.getProtocol())
                .withDomainName(host)
                .withDomainPrefix(host == null ? null : host.split("[.:]", 2)[0])
                .withIdentity(new RequestIdentity()
                        .withSourceIp(ProxyHeaders.clientAddress(exchange))
                        .withUserAgent(headers.first("User-Agent")));
    }

    /** API Gateway's extended ids are short base64 strings ending in '='. */
    private String extendedRequestId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 15) + "=";
    }

    /** An X-Ray trace header of the shape API Gateway adds to every request. */
    private String traceId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "Root=1-%08x-%s".formatted(clock.millis() / 1000, HexFormat.of().formatHex(bytes));
    }
}
