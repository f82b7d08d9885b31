package com.medicarewizard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenAPI document holds every row of PRODUCT.md's v1 contract, ready for API Gateway. */
class OpenApiContractTest {

    private static JsonNode document;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream(ApiRoutes.V1_DOCUMENT)) {
            assertThat(in).as("the v1 document is on the classpath").isNotNull();
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET,    /api/v1/exam-types,         200, ''",
        "GET,    /api/v1/availability,       200, ''",
        "POST,   /api/v1/patients,           201, ''",
        "POST,   /api/v1/auth/token,         200, ''",
        "POST,   /api/v1/auth/logout,        204, bearerAuth",
        "GET,    /api/v1/me,                 200, bearerAuth",
        "POST,   /api/v1/reservations,       202, bearerAuth",
        "GET,    /api/v1/reservations,       200, bearerAuth",
        "GET,    /api/v1/reservations/{id},  200, bearerAuth",
        "DELETE, /api/v1/reservations/{id},  202, bearerAuth",
        "GET,    /api/v1/ops/pipeline,       200, operatorBearerAuth",
        "GET,    /api/v1/reservations/{id}/calendar,         200, bearerAuth",
        "GET,    /api/v1/ops/dead-letters,                   200, operatorBearerAuth",
        "POST,   /api/v1/ops/dead-letters/redrive,           202, operatorBearerAuth",
        "GET,    /api/v1/ops/notifications/parked,           200, operatorBearerAuth",
        "POST,   /api/v1/ops/notifications/parked/{id}/retry, 202, operatorBearerAuth",
        "GET,    /api/v1/ops/outbox,                         200, operatorBearerAuth",
    })
    void describesEveryContractOperation(String method, String path, String success, String security) {
        JsonNode operation = operation(method, path);
        assertThat(operation.isMissingNode()).as("%s %s is in the document", method, path).isFalse();
        assertThat(operation.path("responses").has(success)).as("answers %s", success).isTrue();
        JsonNode integration = operation.path("x-amazon-apigateway-integration");
        assertThat(integration.path("type").asText()).isEqualTo("aws_proxy");
        assertThat(integration.path("httpMethod").asText()).isEqualTo("POST");
        assertThat(integration.path("uri").asText()).contains("${IntakeFunctionArn}").endsWith("/invocations");
        if (security.isEmpty()) {
            assertThat(operation.has("security")).as("open to anyone").isFalse();
        } else {
            assertThat(operation.path("security").get(0).has(security)).as("secured by %s", security).isTrue();
        }
    }

    @Test
    void routeTableHasExactlyTheContractOperations() {
        List<String> operations = new ArrayList<>();
        ApiRoutes.v1().resources().forEach((path, methods) -> methods.forEach(m -> operations.add(m + " " + path)));
        assertThat(operations).hasSize(17);
    }

    @Test
    void problemSchemaFollowsRfc9457WithCodeAndFieldErrors() {
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.has("type") && problem.has("title") && problem.has("status")
                && problem.has("detail") && problem.has("instance") && problem.has("code")).isTrue();
        JsonNode error = problem.at("/errors/items/properties");
        assertThat(error.has("field") && error.has("message")).isTrue();
        assertThat(document.at("/components/responses/Problem/content").has("application/problem+json")).isTrue();
    }

    @Test
    void reservationRequestAnswers202WithLocationAndTakesAnIdempotencyKey() {
        JsonNode post = operation("POST", "/api/v1/reservations");
        assertThat(post.at("/responses/202/headers").has("Location")).isTrue();
        assertThat(post.at("/parameters/0/$ref").asText()).isEqualTo("#/components/parameters/IdempotencyKey");
        JsonNode key = document.at("/components/parameters/IdempotencyKey");
        assertThat(key.path("name").asText()).isEqualTo("Idempotency-Key");
        assertThat(key.path("in").asText()).isEqualTo("header");
    }

    @Test
    void tokenThrottlingAnswers429WithRetryAfter() {
        assertThat(operation("POST", "/api/v1/auth/token").at("/responses/429/$ref").asText())
                .isEqualTo("#/components/responses/TooManyRequests");
        assertThat(document.at("/components/responses/TooManyRequests/headers").has("Retry-After")).isTrue();
    }

    @Test
    void bearerSchemesAreLambdaTokenAuthorizersOnTheAuthorizationHeader() {
        for (String scheme : List.of("bearerAuth", "operatorBearerAuth")) {
            JsonNode definition = document.at("/components/securitySchemes/" + scheme);
            assertThat(definition.path("name").asText()).isEqualTo("Authorization");
            assertThat(definition.at("/x-amazon-apigateway-authorizer/type").asText()).isEqualTo("token");
            assertThat(definition.at("/x-amazon-apigateway-authorizer/identitySource").asText())
                    .isEqualTo("method.request.header.Authorization");
        }
    }

    @Test
    void pipelineFiguresAreAllDescribed() {
        assertThat(document.at("/components/schemas/PipelineStatus/properties").properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("queueDepth", "inFlight", "oldestAgeSeconds", "deadLetters",
                        "allocatorLagSeconds", "streamLagSeconds", "confirmedPerMinute", "rejectedPerMinute",
                        "parkedNotifications");
    }

    private static JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    }
}
