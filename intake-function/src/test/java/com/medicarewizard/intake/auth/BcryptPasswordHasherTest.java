package com.medicarewizard.intake.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$2a$04$");
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterz", hash)).isFalse();
    }

    @Test
    void everyCharacterOfALongPasswordCountsBeyond72Bytes() {
        String prefix = "a".repeat(72);
        String hash = hasher.hash(prefix + "-first-ending");

        assertThat(hasher.verify(prefix + "-first-ending", hash)).isTrue();
        assertThat(hasher.verify(prefix + "-other-ending", hash)).isFalse();
    }

    @Test
    void aMalformedHashNeverMatches() {
        assertThat(hasher.verify("anything at all", "not a bcrypt hash")).isFalse();
    }

    /** Each step of cost doubles the work: a crafted stored hash must not hold a hashing thread for hours. */
    @Test
    void aHashAboveCostTwelveNeverVerifiesEvenWithItsPassword() {
        String costly = new BcryptPasswordHasher(13).hash("correct horse battery");

        assertThat(hasher.verify("correct horse battery", costly)).isFalse();
    }

    @Test
    void theStandardCostIsTen() {
        assertThat(BcryptPasswordHasher.standard().hash("correct horse battery")).startsWith("$2a$10$");
    }
}
