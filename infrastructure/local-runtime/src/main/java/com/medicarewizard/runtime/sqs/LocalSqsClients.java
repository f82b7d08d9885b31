package com.medicarewizard.runtime.sqs;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the {@link SqsClient} that talks to a local SQS endpoint. Build it once and share it,
 * as the functions share theirs per container.
 */
public final class LocalSqsClients {

    /**
     * Longer than the longest long poll (20 s), so that a receive waiting for messages is never
     * cut short by the HTTP client.
     */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private LocalSqsClients() {
    }

    /** A client for the given endpoint, with dummy static credentials in {@code eu-south-1}. */
    public static SqsClient forEndpoint(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(EmbeddedSqsServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(SOCKET_TIMEOUT))
                .build();
    }
}
