package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each entry builds from its shaded jar alone in a fresh JVM — what Lambda does on a cold start —
 * so a class the shading left out fails here, not in AWS. Prints the size and the time for the
 * README's figures.
 */
class ShadedArtifactsIT {

    @ParameterizedTest
    @CsvSource({
        "intake, com.medicarewizard.lambda.intake.IntakeFunction",
        "intake, com.medicarewizard.lambda.intake.PipelineMetricsFunction",
        "allocator, com.medicarewizard.lambda.allocator.AllocatorFunction",
        "allocator, com.medicarewizard.lambda.allocator.SweeperFunction",
        "notifier, com.medicarewizard.lambda.notifier.NotifierFunction",
        "notifier, com.medicarewizard.lambda.notifier.ParkedRetryFunction"})
    void theEntryInitialisesFromItsArtifactAlone(String artifact, String entry) throws IOException, InterruptedException {
        Path jar = Path.of("target", artifact + ".jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                jar + File.pathSeparator + Path.of("target", "test-classes"), ColdStart.class.getName(), entry))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("initialised in");
        System.out.printf("%s (%s.jar, %.1f MB): %s", entry, artifact, Files.size(jar) / 1e6, output);
    }
}
