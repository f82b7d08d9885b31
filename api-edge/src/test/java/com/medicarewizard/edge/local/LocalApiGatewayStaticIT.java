package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.edge.ApiRoutes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The website's files, served as S3 website hosting would, with the security headers. */
class LocalApiGatewayStaticIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalApiGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        gateway = new LocalApiGateway(ApiRoutes.v1(), new EchoInvoker(), "testsite").start(0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void servesTheIndexDocumentAtTheRoot() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("page:index");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    }

    @ParameterizedTest
    @CsvSource({"/login, login", "/register, register", "/book, book", "/bookings, bookings", "/bookings/, bookings",
        "/ops, ops", "/login.html, login"})
    void servesTheCleanPathsOfTheWebsite(String path, String page) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("page:" + page);
    }

    @ParameterizedTest
    @CsvSource({
        "/style.css,         text/css; charset=utf-8",
        "/app.3f9a2c1b.js,   text/javascript; charset=utf-8",
        "/module.mjs,        text/javascript; charset=utf-8",
        "/data.json,         application/json",
        "/logo.svg,          image/svg+xml",
        "/icon.png,          image/png",
        "/favicon.ico,       image/x-icon",
        "/site.webmanifest,  application/manifest+json",
        "/font.woff2,        font/woff2",
        "/robots.txt,        text/plain; charset=utf-8",
    })
    void answersTheContentTypeOfTheExtension(String path, String contentType) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(contentType);
    }

    @ParameterizedTest
    @CsvSource({
        "/login,             no-cache",
        "/app.3f9a2c1b.js,   'public, max-age=31536000, immutable'",
        "/style.css,         'public, max-age=300'",
    })
    void cachesHtmlNeverHashedFilesForeverAndTheRestBriefly(String path, String cacheControl) throws Exception {
        assertThat(get(path).headers().firstValue("Cache-Control")).contains(cacheControl);
    }

    @Test
    void answers304WhenIfNoneMatchNamesTheCurrentVersion() throws Exception {
        String etag = get("/style.css").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revalidated = CLIENT.send(request("/style.css").header("If-None-Match", etag).build(),
                BodyHandlers.ofString());
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).contains(etag);
        HttpResponse<String> stale = CLIENT.send(request("/style.css").header("If-None-Match", "\"old\"").build(),
                BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        HttpResponse<String> head = CLIENT.send(request("/login").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .contains(String.valueOf(get("/login").body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    }

    @Test
    void answersTheNotFoundPageForUnknownFiles() throws Exception {
        HttpResponse<String> response = get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(response.body()).contains("page:not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../outside-the-site.txt", "/bookings/../../outside-the-site.txt",
        "/%2e%2e/outside-the-site.txt", "/%2E%2E%2Foutside-the-site.txt", "/..%2foutside-the-site.txt",
        "/..%5coutside-the-site.txt", "/./../outside-the-site.txt"})
    void refusesPathTraversal(String rawPath) throws Exception {
        String answer = RawHttp.get(gateway.port(), rawPath);
        assertThat(answer).startsWith("HTTP/1.1 404").doesNotContain("must never be served");
    }

    @Test
    void refusesOtherMethodsThanGetAndHead() throws Exception {
        HttpResponse<String> response = CLIENT.send(request("/login").POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET").contains("HEAD");
    }

    @Test
    void gzipsLargeTextWhenTheClientAcceptsIt() throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(request("/big.css").header("Accept-Encoding", "gzip").build(),
                BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.headers().firstValue("Vary")).contains("Accept-Encoding");
        String css = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(css).isEqualTo(get("/big.css").body());
        assertThat(get("/big.css").headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(CLIENT.send(request("/style.css").header("Accept-Encoding", "gzip").build(), BodyHandlers.ofString())
                .headers().firstValue("Content-Encoding")).as("small files stay plain").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/app.3f9a2c1b.js", "/no-such-page", "/api/v1/exam-types", "/api/v1/nope"})
    void sendsTheSecurityHeadersOnEveryAnswer(String path) throws Exception {
        var headers = get(path).headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("Content-Security-Policy")).contains("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'self'");
        assertThat(headers.firstValue("Strict-Transport-Security")).as("never over plain http").isEmpty();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(request(path).build(), BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
    }
}
