package com.medicarewizard.adapter.dynamodb.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite process (a DynamoDB-compatible server on Node.js) on a free loopback port, in memory,
 * tables active at once. Installed by {@code npm ci} in {@code src/test/dynalite} (the build passes
 * that directory as {@code mcw.dynalite.dir}).
 */
public final class Dynalite implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Where dynalite's command line is, if it is installed; empty with the reason otherwise. */
    static Optional<Path> cli(StringBuilder whyNot) {
        String dir = System.getProperty("mcw.dynalite.dir", "src/test/dynalite");
        Path cli = Path.of(dir, "node_modules", "dynalite", "cli.js");
        if (!Files.isRegularFile(cli)) {
            whyNot.append("dynalite is not installed at ").append(cli.toAbsolutePath())
                    .append(" (run: npm ci --prefix ").append(dir).append(')');
            return Optional.empty();
        }
        if (!nodeRuns()) {
            whyNot.append("node is not on the PATH");
            return Optional.empty();
        }
        return Optional.of(cli);
    }

    private static boolean nodeRuns() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Dynalite start(Path cli) {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                    "--updateTableMs", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Dynalite dynalite = new Dynalite(process, URI.create("http://127.0.0.1:" + port));
            dynalite.awaitListening(port);
            return dynalite;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dynalite", e);
        }
    }

    private void awaitListening(int port) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dynalite starts", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
