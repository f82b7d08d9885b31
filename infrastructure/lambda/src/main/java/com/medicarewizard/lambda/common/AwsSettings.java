package com.medicarewizard.lambda.common;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function's environment, read once per container: the region ({@code AWS_REGION}, which Lambda
 * sets), the names of the resources ({@code MCW_TABLE_NAME}, {@code MCW_QUEUE_URL}, …) and, for
 * local servers only, an endpoint per service ({@code MCW_DYNAMODB_ENDPOINT}, {@code MCW_SQS_ENDPOINT},
 * …). Never holds credentials and is never logged.
 */
public record AwsSettings(Map<String, String> env) {

    public AwsSettings {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    public String region() {
        return required("AWS_REGION");
    }

    /** The value of a variable the function cannot run without. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("the environment variable " + name
                + " is not set"));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public Duration seconds(String name, long defaultSeconds) {
        String value = optional(name).orElse(Long.toString(defaultSeconds));
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number of seconds", e);
        }
    }

    /** The endpoint of a local server standing in for {@code service} (e.g. {@code DYNAMODB}), if any. */
    public Optional<URI> endpoint(String service) {
        return optional("MCW_" + service + "_ENDPOINT").map(URI::create);
    }

    public String tableName() {
        return required("MCW_TABLE_NAME");
    }

    public String queueUrl() {
        return required("MCW_QUEUE_URL");
    }

    public String deadLetterQueueUrl() {
        return required("MCW_DEAD_LETTER_QUEUE_URL");
    }
}
