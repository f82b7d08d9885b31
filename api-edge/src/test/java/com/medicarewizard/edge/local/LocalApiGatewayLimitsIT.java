package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.edge.ApiRoutes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API Gateway's limits and failure answers (413, 504, 502), and the gateway shedding load (503). */
class LocalApiGatewayLimitsIT {

    private static final int ELEVEN_MB = 11 * 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final AtomicInteger invocations = new AtomicInteger();
    private LocalApiGateway gateway;

    /** With API Gateway's own integration timeout: a busy machine never cuts the quick integrations short. */
    @BeforeEach
    void start() throws IOException {
        gateway = startGateway(GatewayLimits.API_GATEWAY);
    }

    private LocalApiGateway startGateway(GatewayLimits limits) throws IOException {
        return new LocalApiGateway(ApiRoutes.v1(), event -> {
            invocations.incrementAndGet();
            return switch (event.getResource()) {
                case "/api/v1/me" -> throw new IllegalStateException("handler bug");
                case "/api/v1/ops/pipeline" -> blockUntilReleased();
                case "/api/v1/exam-types" -> new APIGatewayProxyResponseEvent().withBody("no status code");
                default -> new EchoInvoker().invoke(event);
            };
        }, null, limits).start(0);
    }

    @AfterEach
    void stop() {
        release.countDown();
        gateway.close();
    }

    private APIGatewayProxyResponseEvent blockUntilReleased() {
        try {
            release.await();
            return new APIGatewayProxyResponseEvent().withStatusCode(200);
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Test
    void refusesABodyOverTenMegabytesWith413() throws Exception {
        HttpResponse<String> response = send(post(BodyPublishers.ofByteArray(new byte[ELEVEN_MB])));
        assertProblem(response, 413, "/problems/payload-too-large", "PAYLOAD_TOO_LARGE");
        assertThat(invocations).hasValue(0);
    }

    @Test
    void refusesAChunkedBodyOverTenMegabytesWhileCountingIt() throws Exception {
        var chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[ELEVEN_MB]));
        HttpResponse<String> response = send(post(chunked));
        assertProblem(response, 413, "/problems/payload-too-large", "PAYLOAD_TOO_LARGE");
        assertThat(invocations).hasValue(0);
    }

    /** A stalled upload is answered at once and holds no buffer: its body is never read. */
    @Test
    void refusesADeclaredOversizedBodyBeforeReadingIt() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/patients HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + ELEVEN_MB + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[16 * 1024]);
            out.flush();
            // and nothing more: the client stalls with almost all of its body unsent
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
        assertThat(invocations).hasValue(0);
    }

    @Test
    void shedsRequestsBeyondTheInFlightCapWith503AndRetryAfter() throws Exception {
        gateway.close();
        gateway = startGateway(GatewayLimits.API_GATEWAY.withMaxInFlight(2));
        var held = List.of(CLIENT.sendAsync(request("/api/v1/ops/pipeline").GET().build(), BodyHandlers.ofString()),
                CLIENT.sendAsync(request("/api/v1/ops/pipeline").GET().build(), BodyHandlers.ofString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> invocations.get() == 2);

        HttpResponse<String> shed = send(post(BodyPublishers.ofString("{}")));
        assertProblem(shed, 503, "/problems/overloaded", "OVERLOADED");
        assertThat(shed.headers().firstValue("Retry-After")).contains("1");
        assertThat(invocations).as("the shed request never reached the integration").hasValue(2);

        release.countDown();
        for (var response : held) {
            assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(send(post(BodyPublishers.ofString("{}"))).statusCode()).as("served again").isEqualTo(200);
    }

    @Test
    void passesABodyUnderTheLimit() throws Exception {
        HttpResponse<String> response = send(post(BodyPublishers.ofByteArray(new byte[1024 * 1024])));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EchoInvoker.JSON.readTree(response.body()).path("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void answers504WhenTheIntegrationTakesLongerThanTheTimeoutAndInterruptsIt() throws Exception {
        gateway.close();
        // short, so as not to wait 29 s: this integration never returns by itself
        gateway = startGateway(GatewayLimits.API_GATEWAY.withIntegrationTimeout(Duration.ofMillis(300)));
        HttpResponse<String> response = send(request("/api/v1/ops/pipeline").GET());
        assertProblem(response, 504, "/problems/integration-timeout", "INTEGRATION_TIMEOUT");
        assertThat(interrupted.await(60, TimeUnit.SECONDS)).as("the invocation was interrupted").isTrue();
    }

    @Test
    void answers502LikeAFailedLambdaWhenTheInvokerThrows() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/me").GET());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(EchoInvoker.JSON.readTree(response.body()).path("message").asText()).isEqualTo("Internal server error");
        assertThat(response.body()).doesNotContain("handler bug");
    }

    @Test
    void answers502WhenTheProxyResponseHasNoStatusCode() throws Exception {
        assertThat(send(request("/api/v1/exam-types").GET()).statusCode()).isEqualTo(502);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = EchoInvoker.JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private HttpRequest.Builder post(HttpRequest.BodyPublisher body) {
        return request("/api/v1/patients").header("Content-Type", "application/octet-stream").POST(body);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
    }
}
