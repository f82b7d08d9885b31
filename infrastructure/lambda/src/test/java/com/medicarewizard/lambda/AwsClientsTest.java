package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.secretsmanager.SecretsManagerSecret;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.intake.auth.CachedSecret;
import com.medicarewizard.lambda.common.AwsClients;
import com.medicarewizard.lambda.common.AwsSettings;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The retries and timeouts each service's client is built with (docs/adr/0003); nothing is called but
 * a local server that never answers.
 */
class AwsClientsTest {
    private static final Duration INTAKE_TIMEOUT = FunctionSpecs.INTAKE.function().timeout().aws();
    private final AwsSettings settings = new AwsSettings(Map.of("AWS_REGION", "eu-south-1"));

    @Test
    void theNotifiersSendersMakeOneAttemptOfAFewSeconds() {
        try (SnsClient sns = AwsClients.build(SnsClient.builder(), "SNS", settings);
             SesV2Client ses = AwsClients.build(SesV2Client.builder(), "SES", settings);
             EventBridgeClient events = AwsClients.build(EventBridgeClient.builder(), "EVENTS", settings)) {
            for (ClientOverrideConfiguration config : new ClientOverrideConfiguration[] {
                    sns.serviceClientConfiguration().overrideConfiguration(),
                    ses.serviceClientConfiguration().overrideConfiguration(),
                    events.serviceClientConfiguration().overrideConfiguration()}) {
                assertThat(config.retryStrategy()).hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(1));
                assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(3));
            }
        }
    }

    @Test
    void theTableAndTheQueueKeepTheSdksRetriesForThrottling() {
        try (DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), "DYNAMODB", settings);
             SqsClient sqs = AwsClients.build(SqsClient.builder(), "SQS", settings)) {
            for (ClientOverrideConfiguration config : new ClientOverrideConfiguration[] {
                    dynamoDb.serviceClientConfiguration().overrideConfiguration(),
                    sqs.serviceClientConfiguration().overrideConfiguration()}) {
                assertThat(config.retryStrategy()).hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(3));
                assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(12));
            }
        }
    }

    @Test
    void whatTheIntakeReadsWhileARequestWaitsIsOneShortAttemptWellInsideItsTimeout() {
        try (SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), "SECRETSMANAGER", settings);
             CloudWatchClient cloudWatch = AwsClients.build(CloudWatchClient.builder(), "CLOUDWATCH", settings)) {
            Duration both = Duration.ZERO;
            for (ClientOverrideConfiguration config : new ClientOverrideConfiguration[] {
                    secrets.serviceClientConfiguration().overrideConfiguration(),
                    cloudWatch.serviceClientConfiguration().overrideConfiguration()}) {
                assertThat(config.retryStrategy()).hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(1));
                both = both.plus(config.apiCallTimeout().orElseThrow());
            }
            assertThat(both).as("an operator's pipeline request meeting both stalled, out of the intake's %s", INTAKE_TIMEOUT)
                    .isLessThanOrEqualTo(INTAKE_TIMEOUT.dividedBy(2));
        }
    }

    @Test
    void aStalledSecretsManagerRefusesOperatorsBeforeTheIntakeTimesOutAndIsNotAskedAgainForHalfAMinute() throws IOException {
        try (SilentServer silent = new SilentServer();
             SecretsManagerClient client = AwsClients.build(SecretsManagerClient.builder(), "SECRETSMANAGER",
                     new AwsSettings(Map.of("AWS_REGION", "eu-south-1",
                             "MCW_SECRETSMANAGER_ENDPOINT", silent.endpoint().toString())))) {
            CachedSecret token = new CachedSecret("operator token", new SecretsManagerSecret(client,
                    "arn:aws:secretsmanager:eu-south-1:123456789012:secret:mcw-ops-token-AbCdEf")::read);

            long started = System.nanoTime();
            assertThat(token.value()).as("no token: operators are refused (401), not a 5xx").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered before the invocation is killed")
                    .isLessThan(INTAKE_TIMEOUT);
            assertThat(silent.connections()).as("one attempt").isEqualTo(1);

            assertThat(token.value()).isEmpty();
            assertThat(silent.connections()).as("the failure is kept (CachedSecret.KEEP_FAILURE)").isEqualTo(1);
        }
    }
}
