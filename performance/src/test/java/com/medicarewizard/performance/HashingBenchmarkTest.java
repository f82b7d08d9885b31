package com.medicarewizard.performance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HashingBenchmarkTest {

    @Test
    void printsALinePerSchemeWithHashesPerSecondAndMillisPerVerify() {
        List<String> lines = new HashingBenchmark(0, 2, 1).run();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("bcrypt cost 10 (JVM)");
        assertThat(lines.get(1)).startsWith("Argon2id m=19456 KiB t=2 p=1 (libargon2)");
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .containsPattern("[0-9.]+ hashes/s +[0-9.]+ ms per verify \\(median of 2; rounds [0-9.]+-[0-9.]+ ms\\)")
                .containsPattern("[0-9.]+ log-ins/s on [0-9]+ hashing threads?$"));
    }

    @Test
    void refusesARunWithNothingTimed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HashingBenchmark(0, 0, 1));
    }
}
