package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    /** Each known path reaches S3 as its file, as the local edge resolves it; nothing else is touched. */
    @Test
    void theSitesPathsAreTheirFiles() throws Exception {
        String code = Website.sitePages(SITE);
        String stylesheet = "/" + SITE.relativize(onlyFile("assets/css", ".css")).toString().replace('\\', '/');
        Map<String, String> expected = Map.of("/", "/index.html", "/login", "/login.html", "/login/", "/login.html",
                "/login.html", "/login.html", "/bookings", "/bookings.html", "/admin", "/admin.html",
                "/404.html", "/404.html", "/robots.txt", "/robots.txt", stylesheet, stylesheet);
        for (Map.Entry<String, String> path : expected.entrySet()) {
            assertThat(run(code, viewerRequest(path.getKey()))).as(path.getKey())
                    .isEqualTo(Map.of("method", "GET", "uri", path.getValue(), "querystring", Map.of(),
                            "headers", Map.of("host", Map.of("value", "d111111abcdef8.cloudfront.net")),
                            "cookies", Map.of()));
        }
    }

    /**
     * A file with an extension other than .html goes to S3 as it is, known or not: an asset of the
     * previous build still asked for by a cached page while a deployment is under way is served (or gets
     * S3's 404), and the function never refuses an asset uploaded after it reached the edge.
     */
    @Test
    void filesOtherThanPagesGoToTheBucketAsTheyAre() throws Exception {
        String code = Website.sitePages(SITE);
        for (String path : List.of("/assets/css/site.0000000000.css", "/assets/js/new.js", "/favicon.ico",
                "/robots.txt")) {
            assertThat(run(code, viewerRequest(path))).as(path).containsEntry("uri", path)
                    .doesNotContainKey("statusCode");
        }
    }

    /**
     * A page-like path that is no page of the site (a page that never was, a
     * directory) is answered at once: 404 with the site's own 404 page, as a page (the security headers
     * too: this answer comes from neither the cache nor the origin).
     */
    @Test
    @SuppressWarnings("unchecked")
    void anyOtherPathIsA404WithTheSitesNotFoundPage() throws Exception {
        String code = Website.sitePages(SITE);
        String page = Files.readString(SITE.resolve("404.html"));
        for (String path : List.of("/nope", "/nope/", "/nope.html", "/assets/", "/api", "/index.html/", "/.html")) {
            Map<String, Object> answer = run(code, viewerRequest(path));
            assertThat(answer).as(path).containsEntry("statusCode", 404).containsEntry("statusDescription", "Not Found")
                    .containsEntry("body", Map.of("encoding", "text", "data", page));
            Map<String, Object> headers = (Map<String, Object>) answer.get("headers");
            assertThat(headers).as(path).containsEntry("content-type", Map.of("value", "text/html; charset=utf-8"))
                    .containsEntry("cache-control", Map.of("value", "no-cache"));
            Website.securityHeaders().forEach((name, value) -> assertThat(headers).containsEntry(name, Map.of("value", value)));
        }
    }

    /** CloudFront refuses a function whose code is over 10 KB: the real site's fits, with room to grow. */
    @Test
    void theSitePagesFunctionFitsCloudFrontFunctionsCodeQuota() {
        int size = Website.sitePages(SITE).getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("site-pages function: %d bytes of %d%n", size, Website.FUNCTION_CODE_QUOTA);
        assertThat(size).isLessThan(Website.FUNCTION_CODE_QUOTA);
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

    /** A viewer-request event's request as CloudFront Functions passes it. */
    private static Map<String, Object> viewerRequest(String uri) {
        return Map.of("version", "1.0", "context", Map.of("eventType", "viewer-request"),
                "viewer", Map.of("ip", "203.0.113.7"),
                "request", Map.of("method", "GET", "uri", uri, "querystring", Map.of(),
                        "headers", Map.of("host", Map.of("value", "d111111abcdef8.cloudfront.net")), "cookies", Map.of()));
    }

    private static Path onlyFile(String directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(SITE.resolve(directory))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
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
