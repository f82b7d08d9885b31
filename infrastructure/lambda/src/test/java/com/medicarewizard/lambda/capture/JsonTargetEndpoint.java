package com.medicarewizard.lambda.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;

/**
 * A service of the AWS JSON 1.1 protocol: {@code POST /}, the operation in {@code X-Amz-Target:
 * <prefix>.<Operation>}, JSON bodies of type {@code application/x-amz-json-1.1}, errors as HTTP 4xx/5xx
 * with {@code {"__type": code, "message": …}}. Throttling is {@code ThrottlingException} (HTTP 400),
 * as for EventBridge and Secrets Manager.
 */
abstract class JsonTargetEndpoint<R> extends CaptureEndpoint<R> {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private final String prefix;
    private final String operation;

    /**
     * @param prefix    the target prefix of the service ({@code AWSEvents})
     * @param operation the one operation served ({@code PutEvents})
     */
    JsonTargetEndpoint(String prefix, String operation, String internalErrorCode) {
        super(400, "ThrottlingException", internalErrorCode);
        this.prefix = prefix;
        this.operation = operation;
    }

    @Override
    protected final R decode(HttpExchange exchange, byte[] body) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!(prefix + "." + operation).equals(target)) {
            throw new BadRequest("UnknownOperationException", "not served here: " + target);
        }
        return decode(JSON.readTree(body));
    }

    /** Decodes the operation's request body. */
    abstract R decode(JsonNode request);

    /** Answers 200 with this body. */
    static void answer(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, CONTENT_TYPE, JSON.writeValueAsBytes(body), Map.of());
    }

    @Override
    protected final void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, CONTENT_TYPE, JSON.writeValueAsBytes(Map.of("__type", code, "message", message)), Map.of());
    }
}
