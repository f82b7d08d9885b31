package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.edge.ApiRoutes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handler's proxy response on the wire, the gateway's own 404/405, and a burst of clients. */
class LocalApiGatewayResponseIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] PDF = {'%', 'P', 'D', 'F', 0, (byte) 0xff, 1};
    private static LocalApiGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        gateway = new LocalApiGateway(ApiRoutes.v1(), event -> switch (event.getResource()) {
            case "/api/v1/reservations" -> new APIGatewayProxyResponseEvent()
                    .withStatusCode(202)
                    .withHeaders(Map.of("Location", "/api/v1/reservations/r-1", "Content-Type", "application/json"))
                    .withMultiValueHeaders(Map.of("X-Note", List.of("one", "two")))
                    .withBody("{\"id\":\"r-1\",\"status\":\"PENDING\"}");
            case "/api/v1/reservations/{id}" -> new APIGatewayProxyResponseEvent()
                    .withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/pdf"))
                    .withBody(Base64.getEncoder().encodeToString(PDF))
                    .withIsBase64Encoded(true);
            case "/api/v1/auth/logout" -> new APIGatewayProxyResponseEvent().withStatusCode(204);
            default -> new EchoInvoker().invoke(event);
        }, null).start(0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void writesStatusHeadersAndMultiValueHeadersOfTheHandler() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/reservations")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/reservations/r-1");
        assertThat(response.headers().allValues("X-Note")).containsExactly("one", "two");
        assertThat(response.body()).isEqualTo("{\"id\":\"r-1\",\"status\":\"PENDING\"}");
    }

    @Test
    void decodesBase64BodiesOfTheHandler() throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(request("/api/v1/reservations/r-1").build(),
                BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(response.body()).isEqualTo(PDF);
    }

    @Test
    void answersNoContentWithoutABody() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/auth/logout").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersUnknownResourcesWithNotFoundProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/nope"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = EchoInvoker.JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
    }

    @Test
    void answersWrongMethodsWithMethodNotAllowedProblemAndAllow() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/reservations/r-1").PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Allow")).contains("DELETE, GET");
        JsonNode problem = EchoInvoker.JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertThat(problem.path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void answersNotFoundProblemOutsideTheApiWhenThereIsNoWebsite() throws Exception {
        HttpResponse<String> response = send(request("/login"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void gzipsLargeJsonAnswersWhenTheClientAcceptsIt() throws Exception {
        String big = "x".repeat(4000);
        HttpResponse<byte[]> response = CLIENT.send(request("/api/v1/exam-types?padding=" + big)
                .header("Accept-Encoding", "gzip").build(), BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(EchoInvoker.JSON.readTree(json).at("/queryStringParameters/padding").asText()).isEqualTo(big);
    }

    @Test
    void answersTwoHundredConcurrentRequests() {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            responses.add(CLIENT.sendAsync(request("/api/v1/availability?n=" + i).build(), BodyHandlers.ofString()));
        }
        var requestIds = new HashSet<String>();
        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i).join();
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode event = readTree(response.body());
            assertThat(event.at("/queryStringParameters/n").asText()).isEqualTo(String.valueOf(i));
            requestIds.add(event.at("/requestContext/requestId").asText());
        }
        assertThat(requestIds).hasSize(200);
    }

    private static JsonNode readTree(String json) {
        try {
            return EchoInvoker.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return CLIENT.send(builder.build(), BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
    }
}
