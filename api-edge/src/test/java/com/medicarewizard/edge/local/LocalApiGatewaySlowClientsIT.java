package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and numerous clients against a gateway in a JVM of its own (the JDK server reads these
 * limits once per JVM): a 2-second read timeout and a cap of {@value #CAP} connections. A client
 * that sends half a request, or stalls its body, is closed; connections beyond the cap are closed
 * at once; and the gateway goes on serving everyone else.
 */
class LocalApiGatewaySlowClientsIT {

    private static final int CAP = 32;
    private static final String READ_TIMEOUT_SECONDS = "2";
    private static final String HALF_HEAD = "GET /api/v1/exam-types HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n";
    private static final String WHOLE_REQUEST = HALF_HEAD + "\r\n";

    private static Process child;
    private static int port;

    @BeforeAll
    static void startGatewayInItsOwnJvm() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("child-gateway", ".log");
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildGateway.class.getName(), Integer.toString(CAP), READ_TIMEOUT_SECONDS)
                .redirectError(log.toFile()).start();
        var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the child gateway's port (its log: %s)", log).startsWith("port=");
        port = Integer.parseInt(line.substring("port=".length()));
    }

    @AfterAll
    static void stop() throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
    }

    @Test
    void closesConnectionsThatSendHalfARequestHead() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                slow.add(send(HALF_HEAD));
            }
            for (Socket socket : slow) {
                assertThat(closedWithoutAnswer(socket)).as("closed without an answer").isTrue();
            }
            assertServed();
        } finally {
            closeAll(slow);
        }
    }

    @Test
    void closesAConnectionThatStallsItsBody() throws Exception {
        try (Socket stalled = send("POST /api/v1/patients HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"email\":")) {
            assertThat(closedWithoutAnswer(stalled)).isTrue();
        }
        assertServed();
    }

    @Test
    void closesConnectionsBeyondTheCapAndServesAgainOnceTheyAreGone() throws Exception {
        List<Socket> kept = new ArrayList<>();
        int answered = 0;
        boolean refused = false;
        try {
            // each answered, then kept open and idle (for far longer than this test) by its client
            while (!refused && kept.size() <= CAP) {
                Socket socket = send(WHOLE_REQUEST);
                kept.add(socket);
                if (statusLine(socket).equals("HTTP/1.1 200 OK")) {
                    answered++;
                } else {
                    refused = true;
                }
            }
        } finally {
            closeAll(kept);
        }
        assertThat(refused).as("a connection beyond the %d open ones was closed", CAP).isTrue();
        assertThat(answered).isLessThanOrEqualTo(CAP);
        assertServed();
    }

    private static void assertServed() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            try (Socket socket = send(WHOLE_REQUEST)) {
                assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
            }
        });
    }

    private static Socket send(String text) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(60_000);
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (SocketException closedAlready) {
            // a connection beyond the cap may be closed before the request is written
        }
        return socket;
    }

    /** Reads until the server closes; a read timeout (60 s, far past the 2 s limit) fails the test. */
    private static boolean closedWithoutAnswer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** The answer's status line; empty when the server closed the connection without one. */
    private static String statusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            for (int c = socket.getInputStream().read(); c != -1 && c != '\r'; c = socket.getInputStream().read()) {
                line.append((char) c);
            }
        } catch (SocketException reset) {
            return "";
        }
        return line.toString();
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
