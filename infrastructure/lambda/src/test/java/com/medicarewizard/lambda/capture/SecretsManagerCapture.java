package com.medicarewizard.lambda.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets Manager on its wire protocol, AWS JSON 1.1 ({@code X-Amz-Target:
 * secretsmanager.GetSecretValue}): answers {@code GetSecretValue} with the secret string configured
 * for the ARN asked for, {@code ResourceNotFoundException} for any other, and records which secret
 * was asked for — never its value. Throttling is {@code ThrottlingException} (HTTP 400).
 */
public final class SecretsManagerCapture extends JsonTargetEndpoint<SecretsManagerCapture.GetSecretValue> {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    /** One GetSecretValue: the id asked for, and whether such a secret exists. */
    public record GetSecretValue(String secretId, boolean found) {
    }

    public SecretsManagerCapture() {
        super("secretsmanager", "GetSecretValue", "InternalServiceError");
    }

    /** Stores {@code value} as the current version of the secret {@code arn}; returns the ARN. */
    public String put(String arn, String value) {
        secrets.put(Objects.requireNonNull(arn, "arn"), Objects.requireNonNull(value, "value"));
        return arn;
    }

    @Override
    GetSecretValue decode(JsonNode request) {
        String id = request.path("SecretId").asText("");
        if (id.isEmpty()) {
            throw new BadRequest("InvalidParameterException", "SecretId is required");
        }
        return new GetSecretValue(id, secrets.containsKey(id));
    }

    @Override
    protected void answer(HttpExchange exchange, GetSecretValue request) throws IOException {
        String value = secrets.get(request.secretId());
        if (value == null) {
            error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        ObjectNode answer = JSON.createObjectNode()
                .put("ARN", request.secretId())
                .put("Name", request.secretId().substring(request.secretId().lastIndexOf(':') + 1))
                .put("VersionId", UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString())
                .put("SecretString", value)
                .put("CreatedDate", Instant.now().getEpochSecond());
        answer.putArray("VersionStages").add("AWSCURRENT");
        answer(exchange, answer);
    }
}
