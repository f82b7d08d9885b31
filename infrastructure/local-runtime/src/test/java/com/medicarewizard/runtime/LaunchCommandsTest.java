package com.medicarewizard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every documented way to start the runtime's jar exits on an OutOfMemoryError, for a supervisor
 * (or the person at the terminal) to restart it: otherwise the error kills a few threads — the
 * HTTP dispatcher, the allocator's poller — and the process stays up, serving nothing.
 */
class LaunchCommandsTest {

    private static final String SHARED_FILE = ".mvn/runtime-jvm.sh";
    private static final String SHARED_OPTIONS = "\"${RUNTIME_JVM_OPTIONS[@]}\"";
    private static final Path REPOSITORY = Path.of(System.getProperty("mcw.repository", "../.."));

    @ParameterizedTest
    @ValueSource(strings = {"run-local", "README.md", "performance/run-load-test"})
    void theJarIsStartedToExitOnOutOfMemory(String document) throws IOException {
        List<String> launches = Files.readAllLines(REPOSITORY.resolve(document)).stream()
                .filter(line -> line.contains("java") && line.contains("-jar ")
                        && line.contains("medicarewizard-local.jar"))
                .toList();
        assertThat(launches).as("the commands starting the jar in %s", document).isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsAnyOf("-XX:+ExitOnOutOfMemoryError", SHARED_OPTIONS));
        if (launches.stream().anyMatch(line -> line.contains(SHARED_OPTIONS))) {
            assertThat(Files.readAllLines(REPOSITORY.resolve(document)))
                    .as("%s takes the runtime's options from %s", document, SHARED_FILE)
                    .contains(". " + SHARED_FILE);
        }
    }

    @Test
    void theSharedOptionsExitOnOutOfMemory() throws IOException {
        assertThat(Files.readAllLines(REPOSITORY.resolve(SHARED_FILE)))
                .filteredOn(line -> line.startsWith("RUNTIME_JVM_OPTIONS=("))
                .singleElement().asString().contains("-XX:+ExitOnOutOfMemoryError");
    }
}
