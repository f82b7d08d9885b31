package com.medicarewizard.lambda.common;

import com.medicarewizard.adapter.dynamodb.KeptConnections;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Configures every SDK client of a function, once per container: the region from the environment,
 * the URL-connection HTTP client (small, quick to start), and the retries and timeouts of the
 * service's {@link Profile}. Credentials are resolved by the default chain when first needed, never
 * at initialisation, so no secret lands in a SnapStart snapshot; a local server (an endpoint in the
 * environment) gets dummy credentials instead.
 */
public final class AwsClients {

    private static final Duration CONNECT = Duration.ofSeconds(2);

    /**
     * How a service's client retries and how long its calls may take (docs/adr/0003).
     *
     * @param attempts the SDK's attempts per call (1: the SDK does not retry)
     * @param attemptTimeout the longest one attempt may take (also the HTTP read timeout)
     * @param callTimeout the longest one call may take, attempts and back-off included
     */
    public record Profile(int attempts, Duration attemptTimeout, Duration callTimeout) {

        /**
         * DynamoDB and SQS: the SDK's standard retries (three attempts, jittered back-off).
         * Their failures are mostly throttling, which the SDK's retries and its token bucket are made
         * for, and nothing else retries these calls within an invocation.
         */
        public static final Profile SDK_RETRIES = new Profile(3, Duration.ofSeconds(5), Duration.ofSeconds(12));

        /**
         * The notifier's senders: one attempt of at most 3 s, no SDK retry. The notifier's Resilience4j
         * retry and circuit breaker are the one retry layer around them; stacked under it, the SDK's
         * three attempts of up to 12 s made one send to a service that never answers take about 110 s,
         * longer than the function's timeout.
         */
        public static final Profile SINGLE_ATTEMPT = new Profile(1, Duration.ofSeconds(3), Duration.ofSeconds(3));

        /**
         * What the intake reads while an API request waits: the operators' token from Secrets Manager and
         * the notifier's stream lag from CloudWatch. One attempt of at most 2 s, no SDK retry: an operator's
         * request that meets both stalled still answers within about 4 s, well inside the intake's 25 s
         * timeout together with the table and the queue, and answers problem+json (the token unreadable:
         * refused; the lag: unknown) instead of API Gateway's 5xx for a killed invocation. The failure is
         * then kept as designed ({@code CachedSecret} keeps a failed read 30 s), where the SDK's three
         * attempts of up to 12 s had the invocation killed first, so every operator request waited again.
         */
        public static final Profile IN_REQUEST = new Profile(1, Duration.ofSeconds(2), Duration.ofSeconds(2));

        /** The services (suffixes of their endpoint variables) that do not keep the SDK's retries. */
        static final Map<String, Profile> BY_SERVICE = Map.of(
                "SNS", SINGLE_ATTEMPT, "SES", SINGLE_ATTEMPT, "EVENTS", SINGLE_ATTEMPT,
                "SECRETSMANAGER", IN_REQUEST, "CLOUDWATCH", IN_REQUEST);

        public Profile {
            if (attempts < 1 || attemptTimeout.isNegative() || attemptTimeout.isZero()
                    || callTimeout.compareTo(attemptTimeout) < 0) {
                throw new IllegalArgumentException("at least one attempt, within a call timeout no shorter than it");
            }
        }

        /** The profile of {@code service} (e.g. {@code SES}, the suffix of its endpoint variable). */
        public static Profile of(String service) {
            return BY_SERVICE.getOrDefault(service.toUpperCase(Locale.ROOT), SDK_RETRIES);
        }

        RetryStrategy retryStrategy() {
            return attempts == 1 ? AwsRetryStrategy.doNotRetry()
                    : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build();
        }
    }

    static {
        // before any client's first call: the JDK fixes the connections it keeps at its first one
        KeptConnections.ensure();
    }

    private AwsClients() {
    }

    /**
     * Builds the client of {@code service} (e.g. {@code DYNAMODB}, the suffix of its endpoint variable)
     * with the service's {@link Profile}.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String service, AwsSettings settings) {
        Profile profile = Profile.of(service);
        builder.region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT)
                        .socketTimeout(profile.attemptTimeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(profile.attemptTimeout())
                        .apiCallTimeout(profile.callTimeout())
                        .retryStrategy(profile.retryStrategy())
                        .build());
        settings.endpoint(service).ifPresentOrElse(
                local -> builder.endpointOverride(local).credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder.build();
    }
}
