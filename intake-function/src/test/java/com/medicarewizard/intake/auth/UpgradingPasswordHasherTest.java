package com.medicarewizard.intake.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UpgradingPasswordHasherTest {
    private static final String PASSWORD = "correct horse battery";
    private final BcryptPasswordHasher bcrypt = new BcryptPasswordHasher(4);
    private final UpgradingPasswordHasher hasher = new UpgradingPasswordHasher(Argon2idPasswordHasher.standard(), bcrypt);

    @Test
    void newHashesAreArgon2idAtAnOwaspRowAndVerifyTheRightPasswordOnly() {
        String hash = hasher.hash(PASSWORD);

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify(PASSWORD, hash)).isTrue();
        assertThat(hasher.verify("correct horse batterz", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.hash(PASSWORD)).as("salted").isNotEqualTo(hash);
    }

    @Test
    void aBcryptHashStillVerifiesAndIsToBeUpgraded() {
        String old = bcrypt.hash(PASSWORD);

        assertThat(hasher.verify(PASSWORD, old)).isTrue();
        assertThat(hasher.verify("correct horse batterz", old)).isFalse();
        assertThat(hasher.needsRehash(old)).isTrue();
    }

    @Test
    void anArgon2idHashOfWeakerParametersStillVerifiesAndIsToBeUpgraded() {
        String lessMemory = new Argon2idPasswordHasher(4096, 9).hash(PASSWORD);
        String fewerPasses = new Argon2idPasswordHasher(7168, 4).hash(PASSWORD);
        String lessMemoryTimesPasses = new Argon2idPasswordHasher(8192, 4).hash(PASSWORD);
        String stronger = new Argon2idPasswordHasher(7168, 6).hash(PASSWORD);
        String anotherOwaspRow = new Argon2idPasswordHasher(19_456, 2).hash(PASSWORD);

        assertThat(hasher.verify(PASSWORD, lessMemory)).isTrue();
        assertThat(hasher.verify(PASSWORD, fewerPasses)).isTrue();
        assertThat(hasher.needsRehash(lessMemory)).isTrue();
        assertThat(hasher.needsRehash(fewerPasses)).isTrue();
        assertThat(hasher.verify(PASSWORD, lessMemoryTimesPasses)).isTrue();
        assertThat(hasher.needsRehash(lessMemoryTimesPasses)).as("8 MiB x 4: under OWASP's 9 MiB x 4").isTrue();
        String underTheTwoPassRow = new Argon2idPasswordHasher(17_920, 2).hash(PASSWORD);
        assertThat(hasher.verify(PASSWORD, underTheTwoPassRow)).isTrue();
        assertThat(hasher.needsRehash(underTheTwoPassRow)).as("17.5 MiB x 2: as many MiB-passes as 7 x 5, under OWASP's 19 x 2")
                .isTrue();
        assertThat(hasher.verify(PASSWORD, anotherOwaspRow)).isTrue();
        assertThat(hasher.needsRehash(anotherOwaspRow)).as("19 MiB x 2, OWASP's equal").isFalse();
        assertThat(hasher.verify(PASSWORD, stronger)).isTrue();
        assertThat(hasher.needsRehash(stronger)).isFalse();
    }

    @Test
    void everyCharacterOfALongOrNonAsciiPasswordCounts() {
        String prefix = "à".repeat(200);
        String hash = hasher.hash(prefix + "-first-ending");

        assertThat(hasher.verify(prefix + "-first-ending", hash)).isTrue();
        assertThat(hasher.verify(prefix + "-other-ending", hash)).isFalse();
    }

    @Test
    void aMalformedOrAbsurdHashNeverMatches() {
        String hash = hasher.hash(PASSWORD);

        assertThat(hasher.verify(PASSWORD, "not a hash")).isFalse();
        assertThat(hasher.verify(PASSWORD, hash.substring(0, hash.length() - 4))).isFalse();
        assertThat(hasher.verify(PASSWORD, hash.replace("m=7168", "m=99999999999"))).isFalse();
        assertThat(hasher.verify(PASSWORD, hash.replace("m=7168", "m=4194304"))).as("4 GiB is never read").isFalse();
        assertThat(hasher.verify(PASSWORD, "$argon2id$v=19$m=19456,t=2,p=1$$")).isFalse();
    }

    @Test
    void refusesParametersTheLibraryCannotUse() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idPasswordHasher(7168, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idPasswordHasher(4, 1));
    }
}
