package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.edge.ApiRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proxy event a handler receives, field by field, for requests over real HTTP. */
class LocalApiGatewayEventIT {

    private static LocalApiGateway gateway;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws IOException {
        gateway = new LocalApiGateway(ApiRoutes.v1(), new EchoInvoker(), null).start(0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void passesMethodResourceRawPathAndDecodedPathParameters() throws Exception {
        JsonNode event = echo(request("/api/v1/reservations/r%201%2Fb+c%C3%A8").DELETE());
        assertThat(event.path("httpMethod").asText()).isEqualTo("DELETE");
        assertThat(event.path("resource").asText()).isEqualTo("/api/v1/reservations/{id}");
        assertThat(event.path("path").asText()).isEqualTo("/api/v1/reservations/r%201%2Fb+c%C3%A8");
        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("r 1/b+cè");
    }

    @Test
    void passesSingleAndMultiValueQueryParameters() throws Exception {
        JsonNode event = echo(request("/api/v1/availability?examType=MRI%20KNEE&from=2025-03-30&site=a&site=b&q=x+y").GET());
        assertThat(event.at("/queryStringParameters/examType").asText()).isEqualTo("MRI KNEE");
        assertThat(event.at("/queryStringParameters/site").asText()).isEqualTo("b");
        assertThat(event.at("/queryStringParameters/q").asText()).isEqualTo("x y");
        assertThat(event.at("/multiValueQueryStringParameters/site").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(event.at("/multiValueQueryStringParameters/from").toString()).isEqualTo("[\"2025-03-30\"]");
    }

    @Test
    void sendsNullMapsWhenThereIsNoQueryStringOrPathParameter() throws Exception {
        JsonNode event = echo(request("/api/v1/exam-types").GET());
        assertThat(event.path("queryStringParameters").isNull()).isTrue();
        assertThat(event.path("multiValueQueryStringParameters").isNull()).isTrue();
        assertThat(event.path("pathParameters").isNull()).isTrue();
        assertThat(event.path("stageVariables").isNull()).isTrue();
        assertThat(event.path("body").isNull()).isTrue();
    }

    @Test
    void passesSingleAndMultiValueHeadersWithTheirUsualNames() throws Exception {
        JsonNode event = echo(request("/api/v1/me").GET()
                .header("Authorization", "Bearer abc")
                .header("Idempotency-Key", "k-1")
                .header("X-Tag", "first").header("X-Tag", "second"));
        assertThat(event.at("/headers/Authorization").asText()).isEqualTo("Bearer abc");
        assertThat(event.at("/headers/Idempotency-Key").asText()).isEqualTo("k-1");
        assertThat(event.at("/headers/X-Tag").asText()).isEqualTo("second");
        assertThat(event.at("/multiValueHeaders/X-Tag").toString()).isEqualTo("[\"first\",\"second\"]");
        assertThat(event.at("/headers/X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
        assertThat(event.at("/headers/X-Forwarded-Proto").asText()).isEqualTo("http");
        assertThat(event.at("/headers/X-Amzn-Trace-Id").asText()).startsWith("Root=1-");
    }

    @Test
    void passesJsonBodiesAsText() throws Exception {
        String json = "{\"email\":\"ada@example.org\",\"firstName\":\"Adà\"}";
        JsonNode event = echo(request("/api/v1/patients").header("Content-Type", "application/json; charset=utf-8")
                .POST(BodyPublishers.ofString(json)));
        assertThat(event.path("body").asText()).isEqualTo(json);
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void passesBinaryBodiesInBase64() throws Exception {
        byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 'P', 'D', 'F'};
        JsonNode event = echo(request("/api/v1/patients").header("Content-Type", "application/pdf")
                .POST(BodyPublishers.ofByteArray(binary)));
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(binary);
    }

    @Test
    void fillsTheRequestContextAsApiGatewayDoesForAStage() throws Exception {
        long before = System.currentTimeMillis();
        JsonNode event = echo(request("/api/v1/exam-types").header("User-Agent", "patient-browser/1.0").GET());
        JsonNode context = event.path("requestContext");
        assertThat(UUID.fromString(context.path("requestId").asText())).isNotNull();
        assertThat(context.path("extendedRequestId").asText()).isNotBlank();
        assertThat(context.path("stage").asText()).isEqualTo("local");
        assertThat(context.path("resourcePath").asText()).isEqualTo("/api/v1/exam-types");
        assertThat(context.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(context.path("path").asText()).isEqualTo("/local/api/v1/exam-types");
        assertThat(context.path("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.path("requestTimeEpoch").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(context.at("/identity/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.at("/identity/userAgent").asText()).isEqualTo("patient-browser/1.0");
    }

    @Test
    void givesEveryRequestItsOwnRequestId() throws Exception {
        HttpResponse<String> first = CLIENT.send(request("/api/v1/exam-types").GET().build(), BodyHandlers.ofString());
        HttpResponse<String> second = CLIENT.send(request("/api/v1/exam-types").GET().build(), BodyHandlers.ofString());
        String firstId = EchoInvoker.JSON.readTree(first.body()).at("/requestContext/requestId").asText();
        String secondId = EchoInvoker.JSON.readTree(second.body()).at("/requestContext/requestId").asText();
        assertThat(firstId).isNotEqualTo(secondId);
        assertThat(first.headers().firstValue("x-amzn-RequestId")).contains(firstId);
    }

    private static JsonNode echo(HttpRequest.Builder builder) throws Exception {
        HttpResponse<String> response = CLIENT.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EchoInvoker.JSON.readTree(response.body());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery));
    }
}
