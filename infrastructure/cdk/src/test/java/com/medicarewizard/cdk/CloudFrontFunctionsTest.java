package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CloudFront functions of {@link Website}, run on node (which the CDK tests need anyway) with
 * events shaped as CloudFront Functions passes them (lower-case header names, {@code {value}} objects).
 * Not CloudFront's runtime, but the same language and the same event: what each function does to a
 * request or a response.
 */
class CloudFrontFunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SITE = Path.of(System.getProperty("mcw.web.site", "../../web/target/classes/web"));

    @Test
    @SuppressWarnings("unchecked")
    void aMissingPageAnswers404WithTheSitesNotFoundPage() throws Exception {
        String code = Website.notFound(settings());
        Map<String, Object> missing = run(code, Map.of("request", Map.of("uri", "/nope.html"),
                "response", Map.of("statusCode", 404, "statusDescription", "Not Found",
                        "headers", Map.of("content-type", Map.of("value", "application/xml")))));
        assertThat(missing).containsEntry("statusCode", 404);
        assertThat((Map<String, Object>) missing.get("headers")).containsEntry("content-type",
                Map.of("value", "text/html; charset=utf-8"));
        assertThat(missing.get("body")).isEqualTo(Map.of("encoding", "text",
                "data", Files.readString(SITE.resolve("404.html"))));
        Map<String, Object> found = Map.of("statusCode", 200, "statusDescription", "OK",
                "headers", Map.of("content-type", Map.of("value", "text/html")));
        assertThat(run(code, Map.of("request", Map.of("uri", "/login.html"), "response", found))).isEqualTo(found);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClientAddressIsTheViewersWhateverTheClientSent() throws Exception {
        Map<String, Object> request = run(Website.CLIENT_ADDRESS, Map.of("viewer", Map.of("ip", "203.0.113.7"),
                "request", Map.of("uri", "/api/v1/patients", "headers",
                        Map.of("true-client-ip", Map.of("value", "198.51.100.1")))));
        assertThat((Map<String, Object>) request.get("headers")).containsEntry("true-client-ip",
                Map.of("value", "203.0.113.7"));
    }

    @Test
    void cleanPathsAreTheirPagesAndNothingElseIsTouched() throws Exception {
        assertThat(run(Website.CLEAN_PATHS, Map.of("request", Map.of("uri", "/login/"))))
                .containsEntry("uri", "/login.html");
        assertThat(run(Website.CLEAN_PATHS, Map.of("request", Map.of("uri", "/api/v1/me"))))
                .containsEntry("uri", "/api/v1/me");
        assertThat(run(Website.CLEAN_PATHS, Map.of("request", Map.of("uri", "/assets/css/site.css"))))
                .containsEntry("uri", "/assets/css/site.css");
    }

    private static DeploymentSettings settings() {
        return new DeploymentSettings("test", "medicarewizard.example", Path.of("unused"), SITE, Path.of("unused"));
    }

    /** What {@code handler(event)} of {@code code} returns. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String code, Map<String, Object> event) throws IOException,
            InterruptedException {
        String script = code + "\nprocess.stdout.write(JSON.stringify(handler(" + JSON.writeValueAsString(event) + ")));\n";
        Process node = new ProcessBuilder("node", "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        byte[] out = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node ended").isTrue();
        assertThat(node.exitValue()).as("node's exit status").isZero();
        return JSON.readValue(out, Map.class);
    }
}
