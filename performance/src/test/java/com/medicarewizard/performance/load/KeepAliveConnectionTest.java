package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spike's client connection: answers read whole, whatever their framing, on one connection while the server keeps it. */
class KeepAliveConnectionTest {
    private HttpServer server;
    private final Set<InetSocketAddress> peers = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sized", exchange -> {
            peers.add(exchange.getRemoteAddress());
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] body = ("got " + new String(request, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            peers.add(exchange.getRemoteAddress());
            exchange.sendResponseHeaders(409, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write("a chunk of the answer\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/empty", exchange -> {
            peers.add(exchange.getRemoteAddress());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsSizedChunkedAndEmptyAnswersWholeOnOneConnection() throws IOException {
        try (var connection = new KeepAliveConnection("127.0.0.1", server.getAddress().getPort(), 10_000)) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.send("POST", "/sized", Map.of("Content-Type", "text/plain"),
                        "hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(202);
                assertThat(connection.send("GET", "/chunked", Map.of(), new byte[0])).isEqualTo(409);
                assertThat(connection.send("GET", "/empty", Map.of(), new byte[0])).isEqualTo(204);
            }
        }
        assertThat(peers).as("every request on the one kept-alive connection").hasSize(1);
    }

    @Test
    void aConnectionClosedUnderItFailsThatRequestAndTheNextOpensAnother() throws IOException {
        try (ServerSocket closing = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                for (int n = 0; n < 2; n++) {
                    try (Socket s = closing.accept()) {
                        s.getInputStream().read();
                        if (n == 1) {
                            s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            try (var connection = new KeepAliveConnection("127.0.0.1", closing.getLocalPort(), 10_000)) {
                assertThatThrownBy(() -> connection.send("GET", "/", Map.of(), new byte[0])).isInstanceOf(IOException.class);
                assertThat(connection.send("GET", "/", Map.of(), new byte[0])).isEqualTo(200);
            }
        }
    }

    @Test
    void refusesAnAnswerThatIsNotHttp() throws IOException {
        try (ServerSocket garbage = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = garbage.accept()) {
                    s.getInputStream().read();
                    s.getOutputStream().write("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    s.getInputStream().read();
                } catch (IOException e) {
                    // the client hung up
                }
            });
            try (var connection = new KeepAliveConnection("127.0.0.1", garbage.getLocalPort(), 10_000)) {
                assertThatThrownBy(() -> connection.send("GET", "/", Map.of(), new byte[0]))
                        .isInstanceOf(IOException.class).hasMessageContaining("status line");
            }
        }
    }
}
