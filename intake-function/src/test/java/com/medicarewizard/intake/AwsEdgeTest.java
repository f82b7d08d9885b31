package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.intake.auth.CachedSecret;
import com.medicarewizard.intake.auth.Secret;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestContext;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Patients;

import java.net.URI;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the intake must get right behind API Gateway and CloudFront in AWS, driven by API Gateway
 * sample events: the operator token from a secret read at first use and failing closed, the client
 * address of the limits per address (CloudFront's viewer, believed only with the origin secret; never
 * X-Forwarded-For), a Location that works with and without the stage in the path, and a write that
 * kept meeting others answered as "try again", not 500.
 */
class AwsEdgeTest {
    private static final String OPS_TOKEN = "ops-secret-from-secrets-manager-0123";
    private static final String ORIGIN_SECRET = "origin-secret-cloudfront-adds-0123456";
    private static final String VIEWER = "198.51.100.77";
    private final Api api = new Api();
    private final AtomicInteger secretReads = new AtomicInteger();

    @Test
    void theOperatorTokenIsTheSecretsReadOnlyWhenAnOperatorCalls() {
        var handler = new ApiHandler(api.intake, counted(Optional.of(OPS_TOKEN)), Secret.NONE);
        assertThat(secretReads).hasValue(0);

        assertThat(send(handler, Req.get("/api/v1/ops/pipeline").bearer(OPS_TOKEN)).status()).isEqualTo(200);
        assertThat(send(handler, Req.get("/api/v1/ops/pipeline").bearer(OPS_TOKEN + "x")).status()).isEqualTo(403);
        assertThat(secretReads).hasValue(2);
    }

    @Test
    void aSecretThatCannotBeReadRefusesEveryOperator() {
        var unreadable = new ApiHandler(api.intake, new CachedSecret("operator token", () -> {
            throw new IllegalStateException("Secrets Manager unreachable");
        }), Secret.NONE);

        assertThat(send(unreadable, Req.get("/api/v1/ops/pipeline").bearer(OPS_TOKEN)).status()).isEqualTo(403);
    }

    @Test
    void registrationsBehindCloudFrontCountPerViewerNotPerEdge() {
        var handler = new ApiHandler(api.intake, Secret.NONE, () -> Optional.of(ORIGIN_SECRET));
        // 30 registrations an hour per address: the 31st from one viewer is refused, another viewer behind the same edge is not
        for (int i = 0; i < 30; i++) {
            assertThat(register(handler, "viewer" + i + "@example.org", VIEWER, ORIGIN_SECRET).status()).isEqualTo(201);
        }
        assertThat(register(handler, "viewer30@example.org", VIEWER, ORIGIN_SECRET).status()).isEqualTo(429);
        assertThat(register(handler, "other@example.org", "192.0.2.200", ORIGIN_SECRET).status()).isEqualTo(201);
    }

    @Test
    void theViewerAddressWithoutTheOriginSecretIsNotBelievedNorIsXForwardedFor() {
        var handler = new ApiHandler(api.intake, Secret.NONE, () -> Optional.of(ORIGIN_SECRET));
        // straight to API Gateway's URL, each request claiming another client: all count for the caller's own address
        for (int i = 0; i < 30; i++) {
            String forged = "192.0.2." + i;
            var event = registration("forger" + i + "@example.org", forged, i % 2 == 0 ? "wrong-secret" : null);
            event.getHeaders().put("X-Forwarded-For", forged + ", 203.0.113.25");
            assertThat(status(handler, event)).isEqualTo(201);
        }
        assertThat(status(handler, registration("forger30@example.org", "192.0.2.99", null))).isEqualTo(429);
    }

    @Test
    void theLocationReachesTheReservationThroughTheStageUrlAndThroughCloudFront() {
        APIGatewayProxyRequestEvent post = EventLoader.loadApiGatewayRestEvent("events/apigw/post-reservation.json");
        var headers = new HashMap<>(post.getHeaders());
        headers.put("Authorization", "Bearer " + api.patientToken());
        post.setHeaders(headers);
        post.setMultiValueHeaders(null);

        Reply accepted = Reply.of(api.handler().handleRequest(post, new TestContext()));

        String location = accepted.header("Location").orElseThrow();
        String id = accepted.text("id");
        URI raw = URI.create("https://" + post.getRequestContext().getDomainName() + post.getRequestContext().getPath());
        assertThat(raw.resolve(location).getPath()).isEqualTo("/prod/api/v1/reservations/" + id);
        URI site = URI.create("https://booking.example.org" + post.getPath());
        assertThat(site.resolve(location).getPath()).isEqualTo("/api/v1/reservations/" + id);
    }

    @Test
    void aRegistrationThatKeepsMeetingAnotherUnderWayIsTryAgainNot500() {
        Intake ports = api.intake;
        var handler = new ApiHandler(new Intake(ports.catalog(), ports.ledger(), ports.reservations(), ports.queue(),
                new Patients() {
                    @Override
                    public void register(Patient patient) {
                        throw new ContendedWriteException("still under way", null);
                    }

                    @Override
                    public Optional<Patient> find(PatientId id) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Patient> byEmail(EmailAddress email) {
                        return Optional.empty();
                    }
                }, ports.tokens(), ports.rateLimits(), ports.streamPosition(), ports.passwordHasher(), ports.config(),
                ports.clock()));

        Reply reply = send(handler, Req.post("/api/v1/patients").json(Api.registration("busy@example.org", Api.PASSWORD)));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).contains("1");
    }

    private Secret counted(Optional<String> value) {
        return () -> {
            secretReads.incrementAndGet();
            return value;
        };
    }

    private Reply register(ApiHandler handler, String email, String viewer, String originSecret) {
        return Reply.of(handler.handleRequest(registration(email, viewer, originSecret), new TestContext()));
    }

    /** The sample registration event as CloudFront forwards it: from its edge, with the viewer's address. */
    private static APIGatewayProxyRequestEvent registration(String email, String viewer, String originSecret) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/apigw/post-patients.json");
        var headers = new HashMap<>(event.getHeaders());
        headers.put("CloudFront-Viewer-Address", viewer + ":46532");
        if (originSecret != null) {
            headers.put("X-Origin-Verify", originSecret);
        }
        event.setHeaders(headers);
        event.setMultiValueHeaders(null);
        event.getRequestContext().getIdentity().setSourceIp("130.176.98.12");
        event.setBody(event.getBody().replace("giovanni.bianchi@example.org", email));
        return event;
    }

    private static int status(ApiHandler handler, APIGatewayProxyRequestEvent event) {
        return Reply.of(handler.handleRequest(event, new TestContext())).status();
    }

    private static Reply send(ApiHandler handler, Req request) {
        return Reply.of(handler.handleRequest(request.event(), new TestContext()));
    }
}
