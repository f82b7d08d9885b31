package com.medicarewizard.lambda.common;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Configures every SDK client of a function the same way, once per container: the region from
 * the environment, the URL-connection HTTP client (small, quick to start), bounded timeouts and the
 * SDK's standard retries (three attempts, jittered back-off) — Resilience4j is not stacked on them.
 * Credentials are resolved by the default chain when first needed, never at initialisation, so no
 * secret lands in a SnapStart snapshot; a local server (an endpoint in the environment) gets
 * dummy credentials instead.
 */
public final class AwsClients {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration SOCKET = Duration.ofSeconds(5);
    private static final Duration ATTEMPT = Duration.ofSeconds(5);
    private static final Duration CALL = Duration.ofSeconds(12);
    private static final int ATTEMPTS = 3;

    private AwsClients() {
    }

    /** Builds the client of {@code service} (e.g. {@code DYNAMODB}, the suffix of its endpoint variable). */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String service, AwsSettings settings) {
        builder.region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT).socketTimeout(SOCKET))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(ATTEMPT)
                        .apiCallTimeout(CALL)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(ATTEMPTS).build())
                        .build());
        settings.endpoint(service).ifPresentOrElse(
                local -> builder.endpointOverride(local).credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder.build();
    }
}
