package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.edge.ApiDocument;
import com.medicarewizard.edge.ApiOperation;
import com.medicarewizard.intake.auth.Authenticator;
import com.medicarewizard.intake.auth.OperatorGuard;
import com.medicarewizard.intake.auth.StaffGuard;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestContext;
import com.medicarewizard.intake.http.Endpoint;
import com.medicarewizard.intake.http.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Each operation's {@code security} in the OpenAPI document is applied by the dispatcher before
 * its use case runs. The use cases here only record that they were reached, so whatever refuses a
 * call is the declared security and nothing else.
 */
class DeclaredAccessTest {
    private static final String OPS_TOKEN = "ops-secret-0123456789abcdef";
    private final Api api = new Api();
    private final List<String> reached = new CopyOnWriteArrayList<>();
    private final ApiHandler handler = new ApiHandler(new Routes(ApiDocument.v1(), recordingUseCases(),
            new DeclaredAccess(new Authenticator(api.tokens, api.clock), new OperatorGuard(Optional.of(OPS_TOKEN)),
                    new StaffGuard(Optional.of(api.staff), api.clock))));

    static Stream<ApiOperation> securedOperations() {
        return ApiDocument.v1().operations().stream().filter(operation -> !operation.isOpen());
    }

    static Stream<ApiOperation> openOperations() {
        return ApiDocument.v1().operations().stream().filter(ApiOperation::isOpen);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("securedOperations")
    void anOperationDeclaredWithSecurityCannotBeReachedWithoutIt(ApiOperation operation) {
        Reply reply = send(request(operation));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer");
        assertThat(reached).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("securedOperations")
    void aForgedTokenOrAnotherCallersTokenDoesNotReachASecuredOperation(ApiOperation operation) {
        boolean forPatients = !isForOperators(operation) && !isForStaff(operation);
        List<String> otherCallers = isForOperators(operation)
                ? List.of(api.patientToken(), api.staffToken(StaffRole.ADMIN))
                : isForStaff(operation) ? List.of(api.patientToken(), OPS_TOKEN)
                : List.of(OPS_TOKEN, api.staffToken(StaffRole.ADMIN));

        assertThat(send(request(operation).bearer("forged-0123456789abcdefghij")).status())
                .isEqualTo(forPatients ? 401 : 403);
        assertThat(send(request(operation).bearer("A".repeat(43))).status()).isEqualTo(forPatients ? 401 : 403);
        otherCallers.forEach(token -> assertThat(send(request(operation).bearer(token)).status())
                .isEqualTo(forPatients ? 401 : 403));
        assertThat(reached).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("securedOperations")
    void theDeclaredCallerReachesTheOperationAtItsMethodAndPath(ApiOperation operation) {
        String token = isForOperators(operation) ? OPS_TOKEN
                : isForStaff(operation) ? api.staffToken(StaffRole.ADMIN) : api.patientToken();

        assertThat(send(request(operation).bearer(token)).status()).isEqualTo(204);
        assertThat(reached).containsExactly(operation.operationId().orElseThrow());
    }

    static Stream<ApiOperation> staffOperations() {
        return securedOperations().filter(DeclaredAccessTest::isForStaff);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffOperations")
    void theFrontDeskReachesOnlyWhatListsItAndAnAdministratorEverything(ApiOperation operation) {
        boolean frontDesk = operation.roles().contains("front-desk");

        assertThat(send(request(operation).bearer(api.staffToken(StaffRole.FRONT_DESK))).status())
                .isEqualTo(frontDesk ? 204 : 403);
        assertThat(send(request(operation).bearer(api.staffToken(StaffRole.ADMIN))).status()).isEqualTo(204);
        assertThat(operation.roles()).as("every staff operation is the administrators'").contains("admin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffOperations")
    void aMemberMadeInactiveOrWhoseSessionEndedNoLongerReachesAStaffOperation(ApiOperation operation) {
        String token = api.staffToken(StaffRole.ADMIN);
        var member = api.staff.all().stream().filter(m -> api.staff.session(
                com.medicarewizard.intake.auth.Digests.sha256Hex(token), api.clock.instant()).orElseThrow().staff()
                .equals(m.id())).findFirst().orElseThrow();
        api.staff.change(member, member.withActive(false), com.medicarewizard.domain.staff.AuditEntry.of(member,
                api.clock.instant(), "staff.changed", "staff/x", Map.of(), Map.of()));
        String expired = api.staffToken(StaffRole.ADMIN);
        api.clock.advance(java.time.Duration.ofHours(2));

        assertThat(send(request(operation).bearer(token)).status()).isEqualTo(403);
        assertThat(send(request(operation).bearer(expired)).status()).isEqualTo(403);
        assertThat(reached).isEmpty();
    }

    @Test
    void aStaffOperationThatListsNoRoleOrAnUnknownOneStopsTheIntake() {
        var useCases = recordingUseCases();
        var noRole = new ApiOperation("GET", "/api/v1/admin/staff", Optional.of("listStaff"),
                List.of(java.util.Set.of(DeclaredAccess.STAFF_SCHEME)));
        var unknownRole = new ApiOperation("GET", "/api/v1/admin/staff", Optional.of("listStaff"),
                List.of(java.util.Set.of(DeclaredAccess.STAFF_SCHEME)), java.util.Set.of("admin", "janitor"));
        var access = new DeclaredAccess(new Authenticator(api.tokens, api.clock), new OperatorGuard(Optional.empty()),
                new StaffGuard(Optional.of(api.staff), api.clock));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.guard(noRole, useCases.get("listStaff")))
                .hasMessageContaining("lists no role");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.guard(unknownRole, useCases.get("listStaff")))
                .hasMessageContaining("janitor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openOperations")
    void anOpenOperationIsReachedWithoutAToken(ApiOperation operation) {
        assertThat(send(request(operation)).status()).isEqualTo(204);
        assertThat(reached).containsExactly(operation.operationId().orElseThrow());
    }

    @Test
    void aPatientUseCaseIsGivenTheSessionOfTheToken() {
        List<String> patients = new CopyOnWriteArrayList<>();
        var useCases = new HashMap<>(recordingUseCases());
        useCases.put("getOwnProfile", new Endpoint.ForPatient((request, session) -> {
            patients.add(session.patient().value());
            return Response.noContent();
        }));
        var routes = new Routes(ApiDocument.v1(), useCases, new DeclaredAccess(
                new Authenticator(api.tokens, api.clock), new OperatorGuard(Optional.empty()),
                new StaffGuard(Optional.of(api.staff), api.clock)));
        String token = api.patientToken();

        new ApiHandler(routes).handleRequest(Req.get("/api/v1/me").bearer(token).event(), new TestContext());

        assertThat(patients).containsExactly(api.send(Req.get("/api/v1/me").bearer(token)).text("id"));
    }

    private Map<String, Endpoint> recordingUseCases() {
        Map<String, Endpoint> useCases = new HashMap<>();
        ApiDocument.v1().operations().forEach(operation -> {
            String id = operation.operationId().orElseThrow();
            useCases.put(id, operation.isOpen() ? new Endpoint.Open(request -> reach(id))
                    : isForOperators(operation) ? new Endpoint.ForOperator(request -> reach(id))
                    : isForStaff(operation) ? new Endpoint.ForStaff((request, caller) -> reach(id))
                    : new Endpoint.ForPatient((request, session) -> reach(id)));
        });
        return useCases;
    }

    private Response reach(String operationId) {
        reached.add(operationId);
        return Response.noContent();
    }

    private static boolean isForOperators(ApiOperation operation) {
        return operation.security().stream().anyMatch(schemes -> schemes.contains(DeclaredAccess.OPERATOR_SCHEME));
    }

    private static boolean isForStaff(ApiOperation operation) {
        return operation.security().stream().anyMatch(schemes -> schemes.contains(DeclaredAccess.STAFF_SCHEME));
    }

    /** The operation's method on its path, path parameters filled in, as API Gateway hands it over. */
    private static Req request(ApiOperation operation) {
        Req request = Req.of(operation.method(), operation.path());
        if (operation.path().contains("{id}")) {
            request.path("id", "some-id");
        }
        return request;
    }

    private Reply send(Req request) {
        return Reply.of(handler.handleRequest(request.event(), new TestContext()));
    }
}
