package com.medicarewizard.intake;

import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class of bad input on every route with a body: a 4xx problem+json, and nothing changed. */
class BadInputTest {
    private static final String MEGABYTE = "x".repeat(1024 * 1024);
    private static final List<String> ROUTES = List.of("/api/v1/patients", "/api/v1/auth/token", "/api/v1/reservations");
    private final Api api = new Api();
    private String token;
    private int patientsBefore;
    private java.util.Map<String, Long> limitsBefore;

    @BeforeEach
    void patientWithToken() {
        token = api.patientToken();
        patientsBefore = api.patients.count();
        limitsBefore = api.limits.used();
    }

    static Stream<Arguments> badBodies() {
        List<Case> cases = List.of(
                new Case("malformed JSON", r -> r.json("{\"email\": \"a@b.it\","), "malformed-json"),
                new Case("trailing garbage", r -> r.json("{} {}"), "malformed-json"),
                new Case("duplicate keys", r -> r.json("{\"email\":\"a@b.it\",\"email\":\"c@d.it\"}"), "malformed-json"),
                new Case("a JSON array", r -> r.json("[1,2,3]"), "malformed-json"),
                new Case("a JSON string", r -> r.json("\"hello\""), "malformed-json"),
                new Case("JSON null", r -> r.json("null"), "malformed-json"),
                new Case("no body", r -> r.json(null), "malformed-json"),
                new Case("an empty body", r -> r.json(""), "malformed-json"),
                new Case("wrong types", r -> r.json("{\"email\":1,\"password\":true,\"examType\":[],\"start\":{}}"),
                        "validation-failed"),
                new Case("missing fields", r -> r.json("{}"), "validation-failed"),
                new Case("1 MB strings", r -> r.json("{\"email\":\"" + MEGABYTE + "\"}"), "body-too-large"),
                new Case("long strings within 64 KB", r -> r.json("{\"email\":\"" + "y".repeat(20_000) + "\",\"password\":\""
                        + "p".repeat(5_000) + "\",\"examType\":\"" + "E".repeat(20_000) + "\",\"start\":\"x\"}"),
                        "validation-failed"),
                new Case("form content", r -> r.header("Content-Type", "application/x-www-form-urlencoded")
                        .rawBody("email=a%40b.it", false), "unsupported-content-type"),
                new Case("text content", r -> r.header("Content-Type", "text/plain").rawBody("{}", false),
                        "unsupported-content-type"),
                new Case("JSON in another charset", r -> r.header("Content-Type", "application/json; charset=iso-8859-1")
                        .rawBody("{}", false), "unsupported-content-type"),
                new Case("no content type", r -> r.rawBody("{}", false), "unsupported-content-type"),
                new Case("base64 that is not", r -> r.header("Content-Type", "application/json")
                        .rawBody("%%%not base64%%%", true), "malformed-json"),
                new Case("base64 of invalid UTF-8", r -> r.header("Content-Type", "application/json")
                        .rawBody(Base64.getEncoder().encodeToString(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}), true),
                        "malformed-json"),
                // API Gateway turns bytes that are not UTF-8 in a text body into U+FFFD, as the local gateway does
                new Case("invalid UTF-8 as the gateway passes it", r -> r.json("{\"email\":\"a\uFFFD@b.it\",\"password\":\"x\"}"),
                        "malformed-json"),
                new Case("deep nesting", r -> r.json("[".repeat(5000) + "]".repeat(5000)), "malformed-json"));
        return ROUTES.stream().flatMap(route -> cases.stream().map(c -> Arguments.of(route, c)));
    }

    record Case(String name, UnaryOperator<Req> shape, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badBodies")
    void badBodiesAre400ProblemsAndChangeNothing(String route, Case bad) {
        Reply reply = api.send(bad.shape().apply(Req.post(route).bearer(token)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.code()).isEqualTo(bad.code());
        assertThat(reply.text("detail")).doesNotContain("Jackson", "Exception", "line:", MEGABYTE.substring(0, 20));
        assertThat(reply.rawBody().length()).isLessThan(4_000);
        assertThat(api.patients.count()).isEqualTo(patientsBefore);
        assertThat(api.reservations.snapshot()).isEmpty();
        assertThat(api.queue.sent()).isEmpty();
        assertThat(api.limits.used()).isEqualTo(limitsBefore);
        assertThat(api.tokens.all()).as("the session and the device token of the log-in").hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aBase64EncodedJsonBodyIsReadLikeAPlainOne(String route) {
        String json = "{}";
        Reply reply = api.send(Req.post(route).bearer(token).header("Content-Type", "application/json; charset=utf-8")
                .rawBody(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)), true));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation-failed");
    }

    static Stream<String> routes() {
        return ROUTES.stream();
    }
}
