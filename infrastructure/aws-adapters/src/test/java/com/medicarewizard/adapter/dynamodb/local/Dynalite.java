package com.medicarewizard.adapter.dynamodb.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dynalite process (a DynamoDB-compatible server on Node.js) on a loopback port the OS picks, in
 * memory, tables active at once. Installed by {@code npm ci} in {@code src/test/dynalite} (the build
 * passes that directory as {@code mcw.dynalite.dir}); started through that directory's
 * {@code listen.js}, which binds port 0 and prints the port it got.
 */
public final class Dynalite implements AutoCloseable {

    /** Generous: node starts slowly on a machine whose cores other builds keep busy. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("listening on (\\d+)");
    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Where the script that starts dynalite is, if dynalite is installed; empty with the reason otherwise. */
    static Optional<Path> launcher(StringBuilder whyNot) {
        Path dir = Path.of(System.getProperty("mcw.dynalite.dir", "src/test/dynalite"));
        Path installed = dir.resolve("node_modules").resolve("dynalite");
        if (!Files.isDirectory(installed)) {
            whyNot.append("dynalite is not installed at ").append(installed.toAbsolutePath())
                    .append(" (run: npm ci --prefix ").append(dir).append(')');
            return Optional.empty();
        }
        if (!nodeRuns()) {
            whyNot.append("node is not on the PATH");
            return Optional.empty();
        }
        return Optional.of(dir.resolve("listen.js"));
    }

    private static boolean nodeRuns() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts dynalite and waits until it has said which port it listens on. */
    static Dynalite start(Path launcher) {
        Process process;
        try {
            // stdin stays a pipe: listen.js exits when it closes, so a killed test JVM leaves no dynalite
            process = new ProcessBuilder("node", launcher.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dynalite", e);
        }
        return new Dynalite(process, URI.create("http://127.0.0.1:" + announcedPort(process)));
    }

    /**
     * The port from dynalite's "listening on" line. A virtual thread reads the output, so that the
     * wait is bounded, and keeps reading it afterwards, so that dynalite never blocks on a full pipe.
     */
    private static int announcedPort(Process process) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().name("dynalite-output").start(() -> readOutput(process, port));
        try {
            return port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new IllegalStateException("interrupted while dynalite starts", e);
        } catch (ExecutionException | TimeoutException e) {
            stop(process);
            throw new IllegalStateException("dynalite did not say its port within " + START_TIMEOUT, e);
        }
    }

    private static void readOutput(Process process, CompletableFuture<Integer> port) {
        try (BufferedReader output = process.inputReader()) {
            StringBuilder seen = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.matches()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                } else if (!port.isDone()) {
                    seen.append(line).append('\n');
                }
            }
            port.completeExceptionally(new IllegalStateException("dynalite exited before listening: " + seen));
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
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
