package com.medicarewizard.adapter.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.adapter.local.StubEndpoint;
import com.medicarewizard.adapter.local.StubEndpoint.Answer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** GetSecretValue as the SDK sends it (AWS JSON 1.1), against a local endpoint answering as Secrets Manager does. */
class SecretsManagerSecretTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-south-1:123456789012:secret:mcw-ops-token-AbCdEf";

    @Test
    void readsTheSecretStringOfItsArn() {
        try (var stub = new StubEndpoint(request -> json(200, """
                {"ARN":"%s","Name":"mcw-ops-token","VersionId":"v1","SecretString":"s3cr3t-operator-token-0123456789",
                 "VersionStages":["AWSCURRENT"],"CreatedDate":1.8e9}""".formatted(ARN)));
             var client = client(stub)) {
            assertThat(new SecretsManagerSecret(client, ARN).read()).contains("s3cr3t-operator-token-0123456789");
            var sent = stub.requests().getFirst();
            assertThat(sent.header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(new String(sent.body(), StandardCharsets.UTF_8)).contains("\"SecretId\":\"" + ARN + "\"");
        }
    }

    @Test
    void aSecretThatCannotBeReadIsTheSdksException() {
        try (var stub = new StubEndpoint(request -> json(400, """
                {"__type":"AccessDeniedException","message":"not authorized"}"""));
             var client = client(stub)) {
            assertThatThrownBy(() -> new SecretsManagerSecret(client, ARN).read()).isInstanceOf(SdkException.class);
        }
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/x-amz-json-1.1", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static SecretsManagerClient client(StubEndpoint stub) {
        return SecretsManagerClient.builder().region(Region.EU_SOUTH_1).endpointOverride(stub.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    }
}
