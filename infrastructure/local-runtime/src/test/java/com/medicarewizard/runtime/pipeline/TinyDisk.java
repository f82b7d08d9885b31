package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a directory, to fill and free as a full disk would come and go. Mounting
 * needs root (as tests run here and in CI); elsewhere the test is skipped with a message, unless
 * {@code MCW_REQUIRE_ALL_SUITES=true} (CI), where a skip would hide a suite that did not run.
 */
final class TinyDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private TinyDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    static TinyDisk mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String whyNot = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
                mountPoint.toString()));
        if (whyNot != null) {
            String message = "a full disk cannot be simulated: mounting a tmpfs failed (" + whyNot + "; needs root)";
            if ("true".equalsIgnoreCase(System.getenv("MCW_REQUIRE_ALL_SUITES"))) {
                fail(message + ", and MCW_REQUIRE_ALL_SUITES=true");
            }
            assumeTrue(false, message);
        }
        return new TinyDisk(mountPoint);
    }

    /** Writes until the disk refuses another byte. */
    void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // "No space left on device": the disk is full
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException {
        String failed;
        try {
            failed = run(List.of("umount", "-l", mountPoint.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = "interrupted";
        }
        if (failed != null) {
            throw new IOException("could not unmount " + mountPoint + ": " + failed);
        }
    }

    /** Runs the command; null when it succeeded, otherwise why not. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return process.exitValue() == 0 ? null : output;
    }
}
