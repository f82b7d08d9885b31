package com.medicarewizard.runtime.sqs;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
    /**
     * A send to the local queue takes milliseconds. Under load ElasticMQ's on-disk store can lose the
     * reply to one send (its persistence actor failed writing a message: spray-json refused a null
     * delivery receipt; the send then waited out ElasticMQ's 21 s timeout): the functions' calls give up on an
     * attempt after 2 s and the SDK tries again, so the intake still answers within seconds.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(12);

    private LocalSqsClients() {
    }

    /** A client of the server, for long polls: no call is cut short before the socket timeout. */
    public static SqsClient forServer(EmbeddedSqsServer server) {
        return forEndpoint(server.endpoint(), server.credentials());
    }

    /**
     * A client for the given endpoint, signing with {@code credentials} in {@code eu-south-1}, for long
     * polls: no call is cut short before the socket timeout.
     */
    public static SqsClient forEndpoint(URI endpoint, QueueCredentials credentials) {
        return builder(endpoint, credentials).build();
    }

    /** A client of the server for the functions' own calls, as {@link #forFunctions(URI, QueueCredentials)}. */
    public static SqsClient forFunctions(EmbeddedSqsServer server) {
        return forFunctions(server.endpoint(), server.credentials());
    }

    /**
     * A client for the functions' own calls (send, figures, redrive): each attempt is given up after
     * {@link #ATTEMPT_TIMEOUT} and retried by the SDK's standard retries, within {@link #CALL_TIMEOUT}.
     */
    public static SqsClient forFunctions(URI endpoint, QueueCredentials credentials) {
        return builder(endpoint, credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build())
                .build();
    }

    private static software.amazon.awssdk.services.sqs.SqsClientBuilder builder(URI endpoint,
                                                                                QueueCredentials credentials) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(EmbeddedSqsServer.REGION))
                .credentialsProvider(credentials.provider())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(SOCKET_TIMEOUT));
    }
}
