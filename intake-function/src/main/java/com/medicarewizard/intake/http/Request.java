package com.medicarewizard.intake.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * An API Gateway proxy request as the use cases read it. Header names are matched without regard
 * to case (API Gateway and the local gateway spell them differently); the correlation id is the
 * client's {@code X-Correlation-Id} when it is well-formed, else the gateway's request id. What is
 * left of the invocation's time ({@link #remainingTime()}) bounds how long a use case may wait.
 */
public final class Request {
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private final APIGatewayProxyRequestEvent event;
    private final String requestId;
    private final String correlationId;
    private String clientAddress;
    private LongSupplier remainingMillis = () -> Long.MAX_VALUE;

    private Request(APIGatewayProxyRequestEvent event) {
        this.event = event;
        var context = event.getRequestContext();
        String gatewayId = context == null ? null : context.getRequestId();
        this.requestId = gatewayId == null || gatewayId.isBlank() ? UUID.randomUUID().toString() : gatewayId;
        this.correlationId = header("X-Correlation-Id")
                .filter(id -> CORRELATION_ID.matcher(id).matches())
                .orElse(requestId.length() <= 64 ? requestId : UUID.randomUUID().toString());
        this.clientAddress = sourceIp();
    }

    /** The request, its client being API Gateway's {@code sourceIp}. */
    public static Request of(APIGatewayProxyRequestEvent event) {
        return new Request(event == null ? new APIGatewayProxyRequestEvent() : event);
    }

    /** The request, its client found as {@code addresses} says (behind CloudFront: the viewer). */
    public static Request of(APIGatewayProxyRequestEvent event, ClientAddress addresses) {
        Request request = of(event);
        request.clientAddress = addresses.of(request);
        return request;
    }

    /** The request, handled within the invocation of {@code context} (its remaining time); none: no limit. */
    public Request within(Context context) {
        if (context != null) {
            remainingMillis = () -> context.getRemainingTimeInMillis();
        }
        return this;
    }

    /** What is left of the invocation's time, read when asked (Lambda's {@code getRemainingTimeInMillis}). */
    public Duration remainingTime() {
        return Duration.ofMillis(remainingMillis.getAsLong());
    }

    public String method() {
        return event.getHttpMethod() == null ? "" : event.getHttpMethod();
    }

    public String resource() {
        return event.getResource() == null ? "" : event.getResource();
    }

    public String requestId() {
        return requestId;
    }

    public String correlationId() {
        return correlationId;
    }

    /** The client's address, for the limits per address ({@link ClientAddress}). */
    public String clientAddress() {
        return clientAddress;
    }

    /** The address API Gateway received the request from (behind CloudFront, its edge); "unknown" when the event lacks it. */
    public String sourceIp() {
        var context = event.getRequestContext();
        String ip = context == null || context.getIdentity() == null ? null : context.getIdentity().getSourceIp();
        return ip == null || ip.isBlank() ? "unknown" : ip;
    }

    /** A header's value by case-insensitive name (the single-value map first, then the first multi-value). */
    public Optional<String> header(String name) {
        Optional<String> single = find(event.getHeaders(), name);
        if (single.isPresent()) {
            return single;
        }
        return find(event.getMultiValueHeaders(), name).map(List::getFirst);
    }

    /**
     * Every value of a header sent once or more (by case-insensitive name): the multi-value map where
     * the gateway filled it, else the single value.
     */
    public List<String> headerValues(String name) {
        Optional<List<String>> multi = find(event.getMultiValueHeaders(), name);
        return multi.isPresent() ? List.copyOf(multi.get()) : header(name).map(List::of).orElse(List.of());
    }

    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? Optional.empty() : Optional.ofNullable(query.get(name));
    }

    public Optional<String> pathParameter(String name) {
        Map<String, String> path = event.getPathParameters();
        return path == null ? Optional.empty() : Optional.ofNullable(path.get(name));
    }

    /** The raw body as API Gateway passed it (base64 when {@link #isBase64Encoded()}). */
    public Optional<String> rawBody() {
        return Optional.ofNullable(event.getBody());
    }

    public boolean isBase64Encoded() {
        return Boolean.TRUE.equals(event.getIsBase64Encoded());
    }

    private static <V> Optional<V> find(Map<String, V> map, String name) {
        if (map == null) {
            return Optional.empty();
        }
        for (var entry : map.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
