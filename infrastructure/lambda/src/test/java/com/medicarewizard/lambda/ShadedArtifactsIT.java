package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
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
        "notifier, com.medicarewizard.lambda.notifier.ParkedRetryFunction",
        "notifier, com.medicarewizard.lambda.notifier.ReminderFunction"})
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

    @Test
    void theIntakeHashesWithTheArgon2ItsArtifactCarriesForEitherLambdaArchitecture() throws IOException, InterruptedException {
        Path jar = Path.of("target", "intake.jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(Stream.of("linux-x86-64/libargon2.so", "linux-aarch64/libargon2.so",
                    "com/sun/jna/linux-x86-64/libjnidispatch.so", "com/sun/jna/linux-aarch64/libjnidispatch.so"))
                    .allSatisfy(entry -> assertThat(zip.getEntry(entry)).as(entry).isNotNull());
            assertThat(zip.getEntry("win32-x86-64/argon2.dll")).as("no other platform's library").isNull();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tmp = Files.createDirectories(Path.of("target", "lambda-tmp")).toAbsolutePath();
        // a home that is a file: nothing can be created under it, even by root
        Path home = tmp.resolve("home-is-a-file");
        Files.writeString(home, "");
        // as on Lambda: no system library for JNA to find, so it can only come from the jar, and only the
        // temporary directory writable (no home directory to cache the extracted library in)
        ProcessBuilder lambdaLike = new ProcessBuilder(List.of(java.toString(), "-Djna.platform.library.path=/nonexistent",
                "-Djna.library.path=/nonexistent", "-Djna.nosys=true", "-Djna.debug_load=true",
                "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-cp",
                jar + File.pathSeparator + Path.of("target", "test-classes"), HashWithoutSystemLibraries.class.getName()))
                .redirectErrorStream(true);
        lambdaLike.environment().remove("XDG_CACHE_HOME");
        Process process = lambdaLike.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("$argon2id$v=19$m=7168,t=5,p=1$")
                .contains("Found library resource at jar:").contains("Extracting library to " + tmp)
                .doesNotContain("/lib/x86_64-linux-gnu/libargon2");
    }

    @ParameterizedTest
    @CsvSource({"allocator", "notifier"})
    void onlyTheIntakeCarriesPasswordHashing(String artifact) throws IOException {
        try (ZipFile zip = new ZipFile(Path.of("target", artifact + ".jar").toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName))
                    .noneMatch(name -> name.startsWith("de/mkammerer/") || name.startsWith("com/sun/jna/")
                            || name.endsWith("libargon2.so") || name.startsWith("at/favre/"));
        }
    }
}
