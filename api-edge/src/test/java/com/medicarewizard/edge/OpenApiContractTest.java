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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document is ready for API Gateway and follows PRODUCT.md's v1 contract. The
 * operations checked are the document's own: it is the one list of the API's routes.
 */
class OpenApiContractTest {

    private static JsonNode document;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream(ApiDocument.V1)) {
            assertThat(in).as("the v1 document is on the classpath").isNotNull();
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** Every operation of the document, as the gateway and the intake read it. */
    static List<ApiOperation> operations() {
        return ApiDocument.v1().operations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyOperationIsNamedAnswersOneSuccessAndIsProxiedToTheIntake(ApiOperation described) {
        JsonNode operation = operation(described.method(), described.path());
        assertThat(described.operationId()).as("operationId").isPresent();
        assertThat(operation.path("responses").properties()).extracting(Map.Entry::getKey)
                .filteredOn(status -> status.startsWith("2")).as("one success answer").hasSize(1);
        JsonNode integration = operation.path("x-amazon-apigateway-integration");
        assertThat(integration.path("type").asText()).isEqualTo("aws_proxy");
        assertThat(integration.path("httpMethod").asText()).isEqualTo("POST");
        assertThat(integration.path("uri").asText()).contains("${IntakeFunctionArn}").endsWith("/invocations");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everySecuredOperationNamesOneBearerSchemeAndDescribesItsRefusals(ApiOperation described) {
        JsonNode responses = operation(described.method(), described.path()).path("responses");
        if (described.isOpen()) {
            assertThat(described.security()).as("open to anyone: no security at all").isEmpty();
            return;
        }
        assertThat(described.security()).singleElement().satisfies(requirement -> assertThat(requirement)
                .singleElement().isIn("bearerAuth", "staffBearerAuth", "operatorBearerAuth"));
        assertThat(responses.has("401")).as("answers 401 without a token").isTrue();
        if (!described.security().getFirst().contains("bearerAuth")) {
            assertThat(responses.has("403")).as("answers 403 to a token that is not the operators' or staff's")
                    .isTrue();
        }
        if (described.security().getFirst().contains("staffBearerAuth")) {
            assertThat(described.roles()).as("the staff roles that may call it").isNotEmpty()
                    .isSubsetOf("admin", "front-desk");
        } else {
            assertThat(described.roles()).as("roles belong to the staff's scheme").isEmpty();
        }
    }

    /**
     * PRODUCT.md's "who" column: only the catalogue, registration and log-in (and the password reset
     * that gives a locked-out patient a way back to it, and the staff's log-in and invitation) are open;
     * the operations under {@code /ops/} are the operators'; those under {@code /admin/}, {@code /desk/} and
     * {@code /staff/} the staff's, under {@code /admin/} the administrators' alone and under {@code /desk/}
     * the front desk's and the administrators'; every other one is a patient's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void onlyTheCatalogueRegistrationAndLogInAreOpen(ApiOperation described) {
        Set<String> open = Set.of("listExamTypes", "listSites", "getAvailability", "registerPatient", "issueToken",
                "requestPasswordReset", "completePasswordReset", "issueStaffToken", "acceptStaffInvitation");
        String expected = open.contains(described.operationId().orElseThrow()) ? ""
                : described.path().startsWith("/api/v1/ops/") ? "operatorBearerAuth"
                : described.path().startsWith("/api/v1/admin/") || described.path().startsWith("/api/v1/staff/")
                || described.path().startsWith("/api/v1/desk/") ? "staffBearerAuth" : "bearerAuth";
        assertThat(described.security().stream().flatMap(Set::stream).findFirst().orElse("")).isEqualTo(expected);
        if (described.path().startsWith("/api/v1/admin/")) {
            assertThat(described.roles()).containsExactly("admin");
        }
        if (described.path().startsWith("/api/v1/desk/")) {
            assertThat(described.roles()).containsExactlyInAnyOrder("admin", "front-desk");
        }
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = operations().stream().map(o -> o.operationId().orElseThrow()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void routeTableHasExactlyTheDocumentsOperations() {
        List<String> routes = new ArrayList<>();
        ApiRoutes.v1().resources().forEach((path, methods) -> methods.forEach(m -> routes.add(m + " " + path)));
        assertThat(routes).containsExactlyInAnyOrderElementsOf(
                operations().stream().map(o -> o.method() + " " + o.path()).toList());
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

    /** PRODUCT.md: a read of one reservation may wait for its decision (RFC 7240) and says so. */
    @Test
    void aReservationReadTakesPreferWaitAndAnswersPreferenceApplied() {
        JsonNode get = operation("GET", "/api/v1/reservations/{id}");
        assertThat(get.at("/parameters/0/$ref").asText()).isEqualTo("#/components/parameters/PreferWait");
        JsonNode prefer = document.at("/components/parameters/PreferWait");
        assertThat(prefer.path("name").asText()).isEqualTo("Prefer");
        assertThat(prefer.path("in").asText()).isEqualTo("header");
        assertThat(prefer.path("required").asBoolean()).isFalse();
        assertThat(get.at("/responses/200/headers/Preference-Applied/$ref").asText())
                .isEqualTo("#/components/headers/PreferenceApplied");
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
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("queueDepth", "inFlight", "oldestAgeSeconds", "deadLetters",
                        "allocatorLagSeconds", "streamLagSeconds", "streamLagKnown", "confirmedPerMinute",
                        "rejectedPerMinute", "parkedNotifications", "waitingPeak");
    }

    private static JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    }
}
