package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.lambda.common.AwsClients;
import com.medicarewizard.lambda.common.AwsSettings;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The retries and timeouts each service's client is built with (docs/adr/0003); nothing is called. */
class AwsClientsTest {
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
}
