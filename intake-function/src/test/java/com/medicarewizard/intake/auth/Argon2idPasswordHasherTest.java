package com.medicarewizard.intake.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored hash's parameters are the attacker's to choose if the table is ever written by someone
 * else: beyond four times the verifier's memory or passes, or beyond four lanes, it never verifies,
 * even with its password, so the library never spends that work.
 */
class Argon2idPasswordHasherTest {
    private static final String PASSWORD = "correct horse battery";
    /** Small, so the tests stay quick: 1 MiB, 1 pass, 1 lane. */
    private final Argon2idPasswordHasher verifier = new Argon2idPasswordHasher(1024, 1, 1);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = verifier.hash(PASSWORD);

        assertThat(verifier.verify(PASSWORD, hash)).isTrue();
        assertThat(verifier.verify("correct horse batterz", hash)).isFalse();
    }

    /** Up to four times the memory or the passes, up to four lanes: verified; one more: never. */
    @ParameterizedTest(name = "m={0} t={1} p={2}: {3}")
    @CsvSource({
        "4096, 1, 1, true", "4097, 1, 1, false",
        "1024, 4, 1, true", "1024, 5, 1, false",
        "1024, 1, 4, true", "1024, 1, 5, false",
    })
    void aStoredHashIsVerifiedOnlyWithinFourTimesTheVerifiersCost(int memoryKib, int iterations, int parallelism,
                                                                  boolean verified) {
        String stored = new Argon2idPasswordHasher(memoryKib, iterations, parallelism).hash(PASSWORD);

        assertThat(verifier.verify(PASSWORD, stored)).isEqualTo(verified);
    }

    @Test
    void aMalformedHashNeverMatches() {
        assertThat(verifier.verify(PASSWORD, "$argon2id$v=19$m=1024,t=1,p=1$not-base64$")).isFalse();
        assertThat(verifier.verify(PASSWORD, "$argon2id$v=19$m=99999999999,t=1,p=1$c2FsdA$dGFn")).isFalse();
    }
}
