package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.edge.ApiDocument;
import com.medicarewizard.intake.auth.Authenticator;
import com.medicarewizard.intake.auth.OperatorGuard;
import com.medicarewizard.intake.auth.StaffGuard;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.http.Endpoint;
import com.medicarewizard.intake.http.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The OpenAPI document is the one list of routes: the intake binds a use case to each of its
 * operation ids and refuses to start when the two disagree.
 */
class RoutesTest {
    private final Api api = new Api();
    private final DeclaredAccess access = new DeclaredAccess(new Authenticator(api.tokens, api.clock),
            new OperatorGuard(Optional.empty()), new StaffGuard(Optional.empty(), api.clock));
    private final Map<String, Endpoint> useCases = new HashMap<>(Endpoints.of(api.intake));

    @Test
    void everyDocumentedOperationHasAUseCaseAndEveryUseCaseAnOperation() {
        assertThat(useCases.keySet()).isEqualTo(ApiDocument.v1().operations().stream()
                .map(operation -> operation.operationId().orElseThrow()).collect(Collectors.toSet()));
        assertThatCode(() -> new ApiHandler(api.intake)).doesNotThrowAnyException();
    }

    @Test
    void anOperationWithoutAUseCaseStopsTheIntakeFromStarting() {
        useCases.remove("logout");

        assertRefusedToStart(ApiDocument.v1(), useCases, "POST /api/v1/auth/logout (logout) has no use case");
    }

    @Test
    void aUseCaseWithoutAnOperationStopsTheIntakeFromStarting() {
        useCases.put("deleteEveryReservation", new Endpoint.ForOperator(request -> Response.noContent()));

        assertRefusedToStart(ApiDocument.v1(), useCases,
                "the use case deleteEveryReservation has no operation in the document");
    }

    @Test
    void aUseCaseServingAnotherCallerThanTheDeclaredOneStopsTheIntakeFromStarting() {
        useCases.put("getOwnProfile", new Endpoint.Open(request -> Response.noContent()));
        useCases.put("listExamTypes", new Endpoint.ForPatient((request, session) -> Response.noContent()));

        assertRefusedToStart(ApiDocument.v1(), useCases,
                "GET /api/v1/me (getOwnProfile) is declared for PATIENT but its use case is Open",
                "GET /api/v1/exam-types (listExamTypes) is declared for ANYONE but its use case is ForPatient");
    }

    @Test
    void aSecurityTheIntakeDoesNotApplyStopsItFromStarting() throws IOException {
        ApiDocument document = document("""
                paths:
                  /api/v1/me:
                    get: { operationId: getOwnProfile, security: [ { apiKey: [] } ] }
                """);

        assertRefusedToStart(document, Map.of("getOwnProfile", useCases.get("getOwnProfile")),
                "declares a security the intake does not apply: [[apiKey]]");
    }

    @Test
    void anOperationWithoutAnOperationIdStopsTheIntakeFromStarting() throws IOException {
        ApiDocument document = document("""
                paths:
                  /api/v1/exam-types:
                    get: { summary: no id }
                """);

        assertRefusedToStart(document, Map.of(), "GET /api/v1/exam-types has no operationId");
    }

    private void assertRefusedToStart(ApiDocument document, Map<String, Endpoint> endpoints, String... differences) {
        assertThatThrownBy(() -> new Routes(document, endpoints, access))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(differences);
    }

    private static ApiDocument document(String yaml) throws IOException {
        return ApiDocument.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
