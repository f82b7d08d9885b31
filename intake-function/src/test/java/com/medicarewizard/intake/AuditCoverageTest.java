package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.edge.ApiDocument;
import com.medicarewizard.edge.ApiOperation;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestCenter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit trail lists every staff action: each operation of the OpenAPI document a member of staff can
 * change something through (any method but GET and HEAD on {@code staffBearerAuth}), each one the document
 * says is in the audit trail (opening a patient is a read that is), and the staff's log-in, invitation and
 * log-out. Each has an {@link Example} here; a staff route added without one fails the build. The trail is
 * read as administrators read it, through {@code GET /api/v1/admin/audit}.
 */
class AuditCoverageTest {
    private static final String PASSWORD = "a long staff passphrase";
    private static final Pattern INVITATION = Pattern.compile("#invitation=(\\S+)");
    /** Today (Monday 1 March 2027, 08:00 in Rome) at Roma Nord: a booking whose attendance can be marked now. */
    private static final String TODAY = "2027-03-01T10:30:00+01:00";
    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** Staff actions whose operations are open or reads, named here so that a reworded description keeps them. */
    private static final Set<String> NAMED = Set.of("issueStaffToken", "acceptStaffInvitation", "staffLogout",
            "openDeskPatient");
    private static final String CENTER = "\"v1\"";
    private static final String OTHER_CENTER = "\"v7\"";

    /** Who makes the call: two members of staff with a session, one logging in, one accepting an invitation. */
    enum Caller {
        ADMIN, FRONT_DESK, LOGGING_IN, INVITED;

        Optional<String> token(Fixture f) {
            return switch (this) {
                case ADMIN -> Optional.of(f.admin());
                case FRONT_DESK -> Optional.of(f.desk());
                case LOGGING_IN, INVITED -> Optional.empty();
            };
        }

        String id(Fixture f) {
            return switch (this) {
                case ADMIN -> f.adminId();
                case FRONT_DESK -> f.deskId();
                case LOGGING_IN -> f.lucaId();
                case INVITED -> f.saraId();
            };
        }

        String role() {
            return this == ADMIN ? "admin" : "front-desk";
        }
    }

    /**
     * A staff action: the call that does it (path, query, headers and body filled in on the operation's method
     * and path), who makes it, the audit action and subject it must write, and, where the route has one, a
     * refusal of the same route (the status it answers) that must write nothing.
     */
    record Example(Caller caller, BiFunction<Fixture, Req, Req> call, String action,
                   BiFunction<Fixture, Reply, String> subject, Optional<Refusal> refusal) {
    }

    record Refusal(int status, BiFunction<Fixture, Req, Req> call) {
    }

    /** What the setup made through the API: the staff and their ids, a patient, their bookings, a closure. */
    record Fixture(Api api, String admin, String adminId, String desk, String deskId, String lucaId, String saraId,
                   String saraInvitation, String patientId, String patientEmail, String confirmedId,
                   String rejectedId, String closureId) {
    }

    private static final Map<String, Example> EXAMPLES = Map.ofEntries(
            Map.entry("issueStaffToken", example(Caller.LOGGING_IN, (f, r) -> r.json(credentials(PASSWORD)),
                    "staff.logged-in", (f, reply) -> "staff/" + f.lucaId(),
                    refusal(401, (f, r) -> r.json(credentials("not the passphrase"))))),
            Map.entry("acceptStaffInvitation", example(Caller.INVITED, (f, r) -> r.json(acceptance(f, PASSWORD)),
                    "staff.password-set", (f, reply) -> "staff/" + f.saraId(),
                    refusal(400, (f, r) -> r.json(acceptance(f, "password"))))),
            // no body, no state: its only refusals are the guard's (no token, a dead one)
            Map.entry("staffLogout", new Example(Caller.FRONT_DESK, (f, r) -> r, "staff.logged-out",
                    (f, reply) -> "staff/" + f.deskId(), Optional.empty())),
            Map.entry("createStaff", example(Caller.ADMIN, (f, r) -> r.json(member("marco@example.org")),
                    "staff.created", (f, reply) -> "staff/" + reply.text("id"),
                    refusal(409, (f, r) -> r.json(member("luca@example.org"))))),
            Map.entry("changeStaff", example(Caller.ADMIN, (f, r) -> r.path("id", f.lucaId())
                            .json("{\"name\":\"Luca Rossi\"}"), "staff.changed", (f, reply) -> "staff/" + f.lucaId(),
                    refusal(400, (f, r) -> r.path("id", f.lucaId()).json("{\"role\":\"janitor\"}")))),
            Map.entry("inviteStaff", example(Caller.ADMIN, (f, r) -> r.path("id", f.saraId()), "staff.invited",
                    (f, reply) -> "staff/" + f.saraId(), refusal(404, (f, r) -> r.path("id", "nobody")))),
            Map.entry("putSite", centerChange((f, r) -> r.path("id", "ROMA-SUD").json("""
                    {"name":"Roma Sud","address":"Via Appia 2","zone":"Europe/Rome"}"""),
                    "center.site-changed", (f, reply) -> "site/ROMA-SUD")),
            Map.entry("putExamType", centerChange((f, r) -> r.path("code", "US-ABD").json("""
                    {"name":{"en":"Abdominal ultrasound","it":"Ecografia addominale"},
                     "preparation":{"en":"Fast for 6 hours.","it":"Digiuno da 6 ore."},
                     "durationMinutes":20,"needs":["US_ROOM"]}"""),
                    "center.exam-type-added", (f, reply) -> "exam-type/US-ABD")),
            Map.entry("putResource", centerChange((f, r) -> r.path("id", "XR-S3").json("""
                    {"site":"ROMA-SUD","name":"X-ray 3","kind":"XRAY_ROOM","performs":["XRAY-CHEST"],
                     "hours":{"MONDAY":[{"from":"08:00","to":"13:00"}]}}"""),
                    "center.resource-added", (f, reply) -> "resource/XR-S3")),
            Map.entry("deleteResource", centerChange((f, r) -> r.path("id", "XR-S2"), "center.resource-removed",
                    (f, reply) -> "resource/XR-S2")),
            Map.entry("addClosure", centerChange((f, r) -> r.json("""
                    {"site":"ROMA-SUD","first":"2027-03-20","last":"2027-03-20","reason":"Burst pipe"}"""),
                    "center.closure-added", (f, reply) -> "closure/" + closureId(f.api(), f.admin(), "2027-03-20"))),
            Map.entry("deleteClosure", centerChange((f, r) -> r.path("id", f.closureId()), "center.closure-removed",
                    (f, reply) -> "closure/" + f.closureId())),
            Map.entry("registerDeskPatient", example(Caller.FRONT_DESK, (f, r) -> r.json(patient("giulia@example.org")),
                    "patient.registered-by-staff", (f, reply) -> "patient/" + reply.text("id"),
                    refusal(409, (f, r) -> r.json(patient(f.patientEmail()))))),
            Map.entry("openDeskPatient", example(Caller.FRONT_DESK, (f, r) -> r.path("patient", f.patientId())
                            .query("reason", "phone call"), "patient.opened", (f, reply) -> "patient/" + f.patientId(),
                    refusal(400, (f, r) -> r.path("patient", f.patientId())))),
            Map.entry("bookForPatient", example(Caller.FRONT_DESK,
                    (f, r) -> deskBooking(f, r, "k-1", "2027-03-02T09:00:00+01:00"), "reservation.booked-for-patient",
                    (f, reply) -> "reservation/" + reply.body().at("/reservation/id").asText(),
                    refusal(422, (f, r) -> deskBooking(f, r, "k-2", "2027-02-01T09:00:00+01:00")))),
            Map.entry("cancelForPatient", example(Caller.FRONT_DESK,
                    (f, r) -> r.path("patient", f.patientId()).path("id", f.confirmedId()),
                    "reservation.cancelled-for-patient", (f, reply) -> "reservation/" + f.confirmedId(),
                    refusal(409, (f, r) -> r.path("patient", f.patientId()).path("id", f.rejectedId())))),
            Map.entry("markAttendance", example(Caller.FRONT_DESK,
                    (f, r) -> r.path("id", f.confirmedId()).json("{\"attendance\":\"ARRIVED\"}"),
                    "reservation.attendance-marked", (f, reply) -> "reservation/" + f.confirmedId(),
                    refusal(400, (f, r) -> r.path("id", f.confirmedId()).json("{\"attendance\":\"LATE\"}")))));

    private final Api api = new Api();
    private Fixture fixture;

    /** Every operation that is a staff action, by the rules in this class's description. */
    static Stream<ApiOperation> staffActions() {
        Map<String, String> descriptions = descriptions();
        return ApiDocument.v1().operations().stream().filter(operation -> {
            String id = operation.operationId().orElseThrow();
            return NAMED.contains(id) || isForStaff(operation) && !READS.contains(operation.method())
                    || descriptions.getOrDefault(id, "").toLowerCase(Locale.ROOT).contains("audit");
        });
    }

    @BeforeEach
    void setUp() {
        String admin = api.staffToken(StaffRole.ADMIN);
        String desk = api.staffToken(StaffRole.FRONT_DESK);
        String luca = send(Req.post("/api/v1/admin/staff").bearer(admin).json(member("luca@example.org"))).text("id");
        assertThat(send(Req.post("/api/v1/staff/invitation").json(acceptance(invitation("luca@example.org"), PASSWORD)))
                .status()).isEqualTo(204);
        String sara = send(Req.post("/api/v1/admin/staff").bearer(admin).json(member("sara@example.org"))).text("id");
        String email = api.registerPatient();
        String patient = send(Req.get("/api/v1/desk/patients").query("email", email).bearer(desk)).body()
                .path(0).path("id").asText();
        String token = api.login(email, Api.PASSWORD).text("accessToken");
        String confirmed = ownBooking(token, TODAY);
        confirm(confirmed);
        String rejected = ownBooking(token, "2027-03-02T11:00:00+01:00");
        api.decide(rejected, new Decision.Rejected(RejectionReason.SLOT_TAKEN));
        fixture = new Fixture(api, admin, self(admin), desk, self(desk), luca, sara, invitation("sara@example.org"),
                patient, email, confirmed, rejected, closureId(api, admin, TestCenter.NORD_CLOSED.toString()));
    }

    @Test
    void everyStaffActionOfTheDocumentHasAnExampleHereAndEveryExampleAnAction() {
        Set<String> actions = staffActions().map(o -> o.operationId().orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(actions);
        missing.removeAll(EXAMPLES.keySet());
        Set<String> stale = new TreeSet<>(EXAMPLES.keySet());
        stale.removeAll(actions);

        assertSoftly(softly -> {
            softly.assertThat(missing).as(missingMessage(missing)).isEmpty();
            softly.assertThat(stale).as("examples of operations that are no staff action of the document (renamed?"
                    + " removed?): remove or rename them in AuditCoverageTest.EXAMPLES").isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffActions")
    void aStaffActionIsInTheAuditTrailWithItsActorAndSubjectAndItsRefusalIsNot(ApiOperation operation) {
        Example example = EXAMPLES.get(operation.operationId().orElseThrow());
        if (example == null) {
            fail(missingMessage(Set.of(operation.operationId().orElseThrow())));
        }
        if (isForStaff(operation)) {
            assertThat(operation.roles()).as("the example's caller may call it").contains(example.caller().role());
        }
        example.refusal().ifPresent(refusal -> {
            List<String> before = entryIds();
            Reply refused = send(refusal.call().apply(fixture, request(operation, example.caller())));
            assertThat(refused.status()).as(refused.rawBody()).isEqualTo(refusal.status());
            assertThat(entryIds()).as("a refused call writes no entry").isEqualTo(before);
        });
        List<String> before = entryIds();

        Reply done = send(example.call().apply(fixture, request(operation, example.caller())));

        assertThat(done.status()).as(done.rawBody()).isBetween(200, 299);
        List<JsonNode> written = entries().stream().filter(e -> !before.contains(e.get("id").asText())).toList();
        assertThat(written).as("the entries the call wrote").singleElement().satisfies(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo(example.action());
            assertThat(entry.get("actor").asText()).isEqualTo(example.caller().id(fixture));
            assertThat(entry.get("subject").asText()).isEqualTo(example.subject().apply(fixture, done));
        });
    }

    private static String missingMessage(Set<String> missing) {
        return "staff actions without an audit example: " + missing + ". A staff action must be in the audit trail:"
                + " have its use case write an AuditEntry in the same transaction as its change, and add an Example"
                + " for it to AuditCoverageTest.EXAMPLES: a valid call, the caller (a role the operation lists), the"
                + " audit action and subject it writes, and a refused call of the same route that writes nothing";
    }

    /** The id of the closure that begins on {@code first}, as the center read names it (a digest of what it is). */
    private static String closureId(Api api, String admin, String first) {
        JsonNode center = api.send(Req.get("/api/v1/admin/center").bearer(admin)).body();
        for (JsonNode closure : center.get("closures")) {
            if (closure.get("first").asText().equals(first)) {
                return closure.get("id").asText();
            }
        }
        throw new AssertionError("no closure from " + first + " in the center: " + center);
    }

    /** The operation's method on its path, with the caller's token if they have one. */
    private Req request(ApiOperation operation, Caller caller) {
        Req request = Req.of(operation.method(), operation.path());
        caller.token(fixture).ifPresent(request::bearer);
        return request;
    }

    /** Today's entries, as an administrator reads them. */
    private List<JsonNode> entries() {
        Reply trail = send(Req.get("/api/v1/admin/audit").bearer(fixture.admin()));
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().get("truncated").asBoolean()).isFalse();
        List<JsonNode> entries = new ArrayList<>();
        trail.body().get("entries").forEach(entries::add);
        return entries;
    }

    private List<String> entryIds() {
        return entries().stream().map(e -> e.get("id").asText()).toList();
    }

    private Reply send(Req request) {
        return api.send(request);
    }

    private String self(String token) {
        return send(Req.get("/api/v1/staff/me").bearer(token)).text("id");
    }

    private String invitation(String email) {
        Matcher link = INVITATION.matcher(api.mail.to(email).getLast().text());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private String ownBooking(String patientToken, String start) {
        Reply booked = send(Req.post("/api/v1/reservations").bearer(patientToken).json(booking(start)));
        assertThat(booked.status()).as(booked.rawBody()).isEqualTo(202);
        return booked.text("id");
    }

    /** Decides the reservation CONFIRMED on XR-N1 with its cells claimed, as the allocator would. */
    private void confirm(String id) {
        Reservation r = api.reservations.find(new ReservationId(id)).orElseThrow();
        assertThat(api.ledger.claim(r.id(), Cell.covering(new ResourceId("XR-N1"), r.start(), r.end()))).isTrue();
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
    }

    private static Example example(Caller caller, BiFunction<Fixture, Req, Req> call, String action,
                                   BiFunction<Fixture, Reply, String> subject, Refusal refusal) {
        return new Example(caller, call, action, subject, Optional.of(refusal));
    }

    private static Refusal refusal(int status, BiFunction<Fixture, Req, Req> call) {
        return new Refusal(status, call);
    }

    /** A change of the center made from its first version; refused when made from another. */
    private static Example centerChange(BiFunction<Fixture, Req, Req> call, String action,
                                        BiFunction<Fixture, Reply, String> subject) {
        return example(Caller.ADMIN, (f, r) -> call.apply(f, r.header("If-Match", CENTER)), action, subject,
                refusal(412, (f, r) -> call.apply(f, r.header("If-Match", OTHER_CENTER))));
    }

    private static String credentials(String password) {
        return "{\"email\":\"luca@example.org\",\"password\":\"%s\"}".formatted(password);
    }

    private static String acceptance(Fixture f, String password) {
        return acceptance(f.saraInvitation(), password);
    }

    private static String acceptance(String token, String password) {
        return "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, password);
    }

    private static String member(String email) {
        return "{\"email\":\"%s\",\"name\":\"New Member\",\"role\":\"front-desk\"}".formatted(email);
    }

    private static String patient(String email) {
        return """
                {"email":"%s","firstName":"Giulia","lastName":"Neri","phone":"347 765 4321",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1990-05-04"}""".formatted(email);
    }

    private static Req deskBooking(Fixture f, Req request, String idempotencyKey, String start) {
        return request.path("patient", f.patientId()).header("Idempotency-Key", idempotencyKey).json(booking(start));
    }

    private static String booking(String start) {
        return "{\"examType\":\"XRAY-CHEST\",\"site\":\"ROMA-NORD\",\"start\":\"" + start + "\"}";
    }

    private static boolean isForStaff(ApiOperation operation) {
        return operation.security().stream().anyMatch(schemes -> schemes.contains(DeclaredAccess.STAFF_SCHEME));
    }

    /** Each operation's description in the document, by operation id: where it says the action is audited. */
    private static Map<String, String> descriptions() {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(ApiDocument.V1)) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            return paths.properties().stream().flatMap(path -> path.getValue().properties().stream())
                    .filter(method -> method.getValue().has("operationId"))
                    .collect(Collectors.toMap(method -> method.getValue().get("operationId").asText(),
                            method -> method.getValue().path("description").asText("")));
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI document cannot be read", e);
        }
    }
}
