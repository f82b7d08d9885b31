package com.medicarewizard.runtime.pipeline;

import static org.awaitility.Awaitility.await;

import com.medicarewizard.functions.FunctionSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime as {@code java ... Main} runs it, in a child JVM on a data directory, with its own
 * logging (INFO) written to a file there.
 *
 * <p>It binds port 0 and the test reads the port from the runtime's log: a port chosen by the
 * test and bound later by the runtime could be taken in between by another process.
 *
 * @param process the child JVM
 * @param port the port of its edge (0 until it is up)
 * @param log the file its output goes to
 */
record RuntimeProcess(Process process, int port, Path log) {
    private static final Pattern UP = Pattern.compile("MediCareWizard is up on http://localhost:(\\d+) ");

    /**
     * Starts the runtime and waits until it says it is up (three minutes at most: a start on a machine that
     * runs several builds at once can take one); fails at once if it exits instead, and kills it if it never
     * says so.
     */
    static RuntimeProcess start(Path data) throws IOException {
        return start(data, Map.of());
    }

    /** Starts the runtime with these variables besides the usual ones, and waits until it says it is up. */
    static RuntimeProcess start(Path data, Map<String, String> environment) throws IOException {
        RuntimeProcess launched = launch(data, environment);
        try {
            int port = await().atMost(Duration.ofMinutes(3))
                    .until(launched::announcedPort, Optional::isPresent).orElseThrow();
            return new RuntimeProcess(launched.process, port, launched.log);
        } catch (RuntimeException notUp) {
            // a runtime that never said it was up must not outlive the test (it would hold the machine's CPU)
            launched.process.destroyForcibly();
            throw notUp;
        }
    }

    /** Starts the runtime without waiting for anything. */
    static RuntimeProcess launch(Path data) throws IOException {
        return launch(data, Map.of());
    }

    /** Starts the runtime with these variables besides (or instead of) the usual ones. */
    static RuntimeProcess launch(Path data, Map<String, String> environment) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the runtime's own logging (INFO), not the tests' (WARN): the line saying the port is INFO
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=log4j2.xml", "com.medicarewizard.runtime.Main");
        pb.environment().put("MCW_PORT", "0");
        pb.environment().put("MCW_DATA_DIR", data.toString());
        // the shortest patience the runtime accepts: a second longer than the queue hides a message
        pb.environment().put("MCW_SWEEP_AFTER_SECONDS",
                Long.toString(FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().local().toSeconds() + 1));
        pb.environment().putAll(environment);
        Path log = data.resolve("runtime-" + System.nanoTime() + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new RuntimeProcess(pb.start(), 0, log);
    }

    /** What the runtime has logged so far. */
    String output() throws IOException {
        // decoded leniently: the runtime may be in the middle of writing a multi-byte character
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    /** The port from the line the runtime logs once it is up; fails at once if it died instead. */
    private Optional<Integer> announcedPort() throws IOException {
        Matcher up = UP.matcher(output());
        if (up.find()) {
            return Optional.of(Integer.parseInt(up.group(1)));
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the runtime exited with " + process.exitValue() + "; see " + log);
        }
        return Optional.empty();
    }
}
