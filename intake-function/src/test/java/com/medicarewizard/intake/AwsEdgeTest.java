package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.intake.auth.CachedSecret;
import com.medicarewizard.intake.auth.Secret;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.http.ClientAddress;
import com.medicarewizard.intake.fakes.TestContext;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Patients;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the intake must get right behind API Gateway and CloudFront in AWS, driven by API Gateway
 * sample events: the operator token from a secret read at first use and failing closed, the client
 * address of the limits per address (the viewer's, from the header CloudFront writes; never
 * X-Forwarded-For), and a write that kept meeting others answered as "try again", not 500.
 */
class AwsEdgeTest {
    private static final String OPS_TOKEN = "ops-secret-from-secrets-manager-0123";
    private static final ClientAddress BEHIND_CLOUDFRONT = new ClientAddress(Optional.of("True-Client-IP"));
    private static final String VIEWER = "198.51.100.77";
    private final Api api = new Api();
    private final AtomicInteger secretReads = new AtomicInteger();

    @Test
    void theOperatorTokenIsTheSecretsReadOnlyWhenAnOperatorCalls() {
        var handler = new ApiHandler(api.intake, counted(Optional.of(OPS_TOKEN)), ClientAddress.sourceIpOnly());
        assertThat(secretReads).hasValue(0);

        assertThat(send(handler, Req.get("/api/v1/ops/pipeline").bearer(OPS_TOKEN)).status()).isEqualTo(200);
        assertThat(send(handler, Req.get("/api/v1/ops/pipeline").bearer(OPS_TOKEN + "x")).status()).isEqualTo(403);
        assertThat(secretReads).hasValue(2);
    }

    @Test
    void aSecretThatCannotBeReadRefusesEveryOperator() {
        var unreadable = new ApiHandler(api.intake, new CachedSecret("operator token", () -> {
            throw new IllegalStateException("Secrets Manager unreachable");
        }), ClientAddress.sourceIpOnly());

        assertThat(send(unreadable, Req.get("/api/v1/ops/pipeline").bearer(OPS_TOKEN)).status()).isEqualTo(403);
    }

    @Test
    void registrationsBehindCloudFrontCountPerViewerNotPerEdge() {
        var handler = new ApiHandler(api.intake, Secret.NONE, BEHIND_CLOUDFRONT);
        // 30 registrations an hour per address: the 31st from one viewer is refused, another viewer behind the same edge is not
        for (int i = 0; i < 30; i++) {
            assertThat(status(handler, registration("viewer" + i + "@example.org", VIEWER))).isEqualTo(201);
        }
        assertThat(status(handler, registration("viewer30@example.org", VIEWER))).isEqualTo(429);
        assertThat(status(handler, registration("other@example.org", "2001:db8::77"))).isEqualTo(201);
    }

    @Test
    void xForwardedForIsNeverRead() {
        var handler = new ApiHandler(api.intake, Secret.NONE, BEHIND_CLOUDFRONT);
        // each request claims another client in X-Forwarded-For: all count for the one viewer
        for (int i = 0; i < 30; i++) {
            var event = registration("forger" + i + "@example.org", VIEWER);
            event.getHeaders().put("X-Forwarded-For", "192.0.2." + i + ", 130.176.98.12");
            assertThat(status(handler, event)).isEqualTo(201);
        }
        assertThat(status(handler, registration("forger30@example.org", VIEWER))).isEqualTo(429);
    }

    @Test
    void aHeaderValueThatIsNoAddressCountsForTheSourceIp() {
        var handler = new ApiHandler(api.intake, Secret.NONE, BEHIND_CLOUDFRONT);
        for (int i = 0; i < 30; i++) {
            var event = registration("odd" + i + "@example.org", "not-an-address-" + i);
            assertThat(status(handler, event)).isEqualTo(201);
        }
        assertThat(status(handler, registration("odd30@example.org", "another-" + 30))).isEqualTo(429);
    }

    @Test
    void withoutTheHeaderSettingTheAddressIsApiGatewaysSourceIp() {
        var handler = new ApiHandler(api.intake, Secret.NONE, ClientAddress.sourceIpOnly());
        for (int i = 0; i < 30; i++) {
            assertThat(status(handler, registration("local" + i + "@example.org", "192.0.2." + i))).isEqualTo(201);
        }
        assertThat(status(handler, registration("local30@example.org", "192.0.2.99"))).isEqualTo(429);
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
                    public void registerByStaff(Patient patient, AuditEntry audit) {
                        register(patient);
                    }

                    @Override
                    public Optional<Patient> find(PatientId id) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Patient> byEmail(EmailAddress email) {
                        return Optional.empty();
                    }

                    @Override
                    public boolean replacePasswordHash(PatientId id, String expected, String replacement) {
                        return false;
                    }

                    @Override
                    public boolean beginErasure(PatientId id, Instant at) {
                        return false;
                    }

                    @Override
                    public boolean isErased(PatientId id) {
                        return false;
                    }

                    @Override
                    public void completeErasure(Patient patient, Instant at) {
                        throw new IllegalStateException("no erasure begun");
                    }

                    @Override
                    public boolean setRemindTwoHoursBefore(PatientId id, boolean wanted) {
                        return false;
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

    /** The sample registration event as CloudFront forwards it: from its edge, with the viewer's address. */
    private static APIGatewayProxyRequestEvent registration(String email, String viewer) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/apigw/post-patients.json");
        var headers = new HashMap<>(event.getHeaders());
        headers.put("True-Client-IP", viewer);
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
