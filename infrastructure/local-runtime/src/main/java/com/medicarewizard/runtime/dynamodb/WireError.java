package com.medicarewizard.runtime.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in DynamoDB's JSON 1.0 shape: HTTP 400 (500 for an internal error) with
 * {@code __type} (namespace, {@code #}, the error's name, which the SDK maps to its exception
 * class) and {@code message}, plus the fields some errors carry ({@code Item},
 * {@code CancellationReasons}).
 */
final class WireError extends RuntimeException {

    static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    private static final String VALIDATE = "com.amazon.coral.validate#";
    private static final String AVAILABILITY = "com.amazon.coral.availability#";
    private static final String CORAL = "com.amazon.coral.service#";

    private final int status;
    private final transient ObjectNode body;

    private WireError(int status, String type, String messageField, String message) {
        super(message);
        this.status = status;
        this.body = JsonNodeFactory.instance.objectNode().put("__type", type).put(messageField, message);
    }

    static WireError validation(String message) {
        return new WireError(400, VALIDATE + "ValidationException", "message", message);
    }

    static WireError of(String name, String message) {
        return new WireError(400, DYNAMODB + name, "message", message);
    }

    static WireError conditionalCheckFailed() {
        return of("ConditionalCheckFailedException", "The conditional request failed");
    }

    /** DynamoDB names this one's message field {@code Message}. */
    static WireError transactionCanceled(String message) {
        return new WireError(400, DYNAMODB + "TransactionCanceledException", "Message", message);
    }

    static WireError resourceNotFound(String message) {
        return of("ResourceNotFoundException", message);
    }

    static WireError provisionedThroughputExceeded() {
        return of("ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the "
                + "table was exceeded. Consider increasing your provisioning level with the UpdateTable API.");
    }

    static WireError throttling() {
        return new WireError(400, AVAILABILITY + "ThrottlingException", "message",
                "Rate of requests exceeds the allowed throughput.");
    }

    static WireError unknownOperation(String target) {
        return new WireError(400, CORAL + "UnknownOperationException", "message", "Unknown operation: " + target);
    }

    static WireError missingAuthentication() {
        return new WireError(400, CORAL + "MissingAuthenticationTokenException", "message",
                "Request is missing Authentication Token");
    }

    static WireError serialization(String message) {
        return new WireError(400, CORAL + "SerializationException", "message", message);
    }

    static WireError internal(String message) {
        return new WireError(500, DYNAMODB + "InternalServerError", "message", message);
    }

    int status() {
        return status;
    }

    /** The body, to which the caller may add fields before it is sent. */
    ObjectNode body() {
        return body;
    }
}
