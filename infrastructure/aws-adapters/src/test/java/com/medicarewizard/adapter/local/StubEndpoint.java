package com.medicarewizard.adapter.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP endpoint standing in for one AWS service in an adapter's test: loopback, port 0, every
 * request recorded (headers and body) and answered by the test's function. Close it after the test.
 */
public final class StubEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    /** What a request was. */
    public record Recorded(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** How to answer: status, content type, extra headers and body. */
    public record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
    }

    public StubEndpoint(Function<Recorded, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, answers));
        server.start();
    }

    private void answer(HttpExchange exchange, Function<Recorded, Answer> answers) throws IOException {
        try (exchange) {
            Recorded request = new Recorded(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Answer answer = answers.apply(request);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
