package com.medicarewizard.intake.auth;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored hash's parameters are the attacker's to choose if the table is ever written by someone
 * else: beyond four times the verifier's memory or passes, or beyond four lanes, it never verifies,
 * even with its password, so the library never spends that work.
 */
class Argon2idPasswordHasherTest {
    private static final String PASSWORD = "correct horse battery";
    /** Small, so the tests stay quick: 1 MiB, 1 pass, 1 lane. */
    private final Argon2idPasswordHasher verifier = new Argon2idPasswordHasher(1024, 1);
    /** libargon2 used directly: hashes of lanes and parameters this hasher does not write. */
    private static final Argon2Advanced LIBARGON2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, 16, 32);

    private static String libargon2(int memoryKib, int iterations, int lanes, String password) {
        return LIBARGON2.hash(iterations, memoryKib, lanes, password.toCharArray(), StandardCharsets.UTF_8);
    }

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
        String stored = libargon2(memoryKib, iterations, parallelism, PASSWORD);

        assertThat(verifier.verify(PASSWORD, stored)).isEqualTo(verified);
    }

    /** Every hash stored before was OWASP's 19 MiB x 2 row: each still logs its patient in, and is not rewritten. */
    @Test
    void aHashLibargon2WroteStillVerifiesTheRightPasswordOnly() {
        Argon2idPasswordHasher standard = Argon2idPasswordHasher.standard();
        String before = libargon2(19 * 1024, 2, 1, PASSWORD);

        assertThat(standard.verify(PASSWORD, before)).isTrue();
        assertThat(standard.verify("correct horse batterz", before)).isFalse();
        assertThat(standard.isCurrent(before)).as("OWASP's 19 MiB x 2 row is as strong as 7 MiB x 5").isTrue();
    }


    @Test
    void aMalformedHashNeverMatches() {
        assertThat(verifier.verify(PASSWORD, "$argon2id$v=19$m=1024,t=1,p=1$not-base64$")).isFalse();
        assertThat(verifier.verify(PASSWORD, "$argon2id$v=19$m=99999999999,t=1,p=1$c2FsdA$dGFn")).isFalse();
    }
}
