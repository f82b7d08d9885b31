package com.medicarewizard.edge.local;

import com.medicarewizard.edge.ApiRoutes;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** A request the listener took just before the gateway stopped is answered 503 with Retry-After, not a 500 and an error. */
class ApiIntegrationStoppingTest {

    @Test
    void aRequestReachingAStoppedGatewayIsRefusedForNowAndNeverInvoked() throws Exception {
        var invocations = Executors.newVirtualThreadPerTaskExecutor();
        invocations.shutdown();
        var integration = new ApiIntegration(ApiRoutes.v1(), event -> {
            throw new AssertionError("a stopped gateway invokes nothing");
        }, GatewayLimits.API_GATEWAY, new ProxyEventFactory(Clock.systemUTC()), invocations);

        Reply reply = integration.handle(new Exchange("GET", "/api/v1/exam-types"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
    }

    /** Just enough of an exchange for the integration: a method, a path, no body, a client address. */
    private static final class Exchange extends HttpExchange {
        private final String method;
        private final URI uri;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();

        Exchange(String method, String path) {
            this.method = method;
            this.uri = URI.create(path);
            requestHeaders.add("Host", "localhost");
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return uri;
        }

        @Override
        public String getRequestMethod() {
            return method;
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
        }

        @Override
        public InputStream getRequestBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public OutputStream getResponseBody() {
            return new ByteArrayOutputStream();
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return new InetSocketAddress("127.0.0.1", 50_000);
        }

        @Override
        public int getResponseCode() {
            return -1;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return new InetSocketAddress("127.0.0.1", 8080);
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
