package com.medicarewizard.performance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HashingBenchmarkTest {

    @Test
    void printsALinePerSchemeWithHashesPerSecondAndMillisPerVerify() {
        List<String> lines = new HashingBenchmark(0, 2, 1).run();

        assertThat(lines).extracting(line -> line.substring(0, line.indexOf(')') + 1)).containsExactly(
                "bcrypt cost 10 (JVM)",
                "Argon2id m=47104 KiB t=1 p=1 (libargon2)", "Argon2id m=19456 KiB t=2 p=1 (libargon2)",
                "Argon2id m=12288 KiB t=3 p=1 (libargon2)", "Argon2id m=9216 KiB t=4 p=1 (libargon2)",
                "Argon2id m=7168 KiB t=5 p=1 (libargon2)", "Argon2id m=7168 KiB t=5 p=1 (libsodium)");
        assertThat(lines).filteredOn(line -> line.contains(") *")).as("the intake's own row is marked")
                .singleElement().asString().startsWith("Argon2id m=7168 KiB t=5 p=1 (libargon2) *");
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .containsPattern("[0-9.]+ hashes/s +[0-9.]+ ms per verify \\(median of 2; rounds [0-9.]+-[0-9.]+ ms\\)")
                .containsPattern("[0-9.]+ log-ins/s on [0-9]+ hashing threads?$"));
    }

    @Test
    void theInterferenceProbePrintsALinePerLibrary() throws InterruptedException {
        List<String> lines = new HashingInterference(1).run();

        assertThat(lines).satisfiesAnyOf(
                only -> assertThat(only).singleElement().asString().contains("SCHED_IDLE not available"),
                both -> assertThat(both).hasSize(2).allSatisfy(line -> assertThat(line).containsPattern(
                        "mmap\\+munmap of 1 MiB: p50 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms \\([0-9]+ probes\\); [0-9]+ hashes$")));
    }

    @Test
    void refusesARunWithNothingTimed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HashingBenchmark(0, 0, 1));
    }
}
