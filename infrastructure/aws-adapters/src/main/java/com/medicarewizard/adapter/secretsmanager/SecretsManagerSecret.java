package com.medicarewizard.adapter.secretsmanager;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One Secrets Manager secret's current string value ({@code GetSecretValue} of its ARN, stage
 * AWSCURRENT). Reads on every call: the caller keeps the value as long as it should
 * ({@code CachedSecret} in the intake) and decides what a failed read means. The value is never logged.
 */
public final class SecretsManagerSecret {
    private final SecretsManagerClient client;
    private final String secretArn;

    public SecretsManagerSecret(SecretsManagerClient client, String secretArn) {
        this.client = Objects.requireNonNull(client, "client");
        this.secretArn = Objects.requireNonNull(secretArn, "secret ARN");
    }

    /**
     * The secret's string; empty when it has none (a binary secret).
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when it cannot be read
     */
    public Optional<String> read() {
        return Optional.ofNullable(client.getSecretValue(b -> b.secretId(secretArn)).secretString());
    }
}
