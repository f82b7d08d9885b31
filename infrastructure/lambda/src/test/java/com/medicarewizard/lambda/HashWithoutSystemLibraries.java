package com.medicarewizard.lambda;

import com.medicarewizard.intake.auth.UpgradingPasswordHasher;

/**
 * Run in a fresh JVM on the intake's shaded artifact, with JNA told to look for no library of the
 * system: hashes and verifies a password with the production scheme, so it works only with the
 * native Argon2 the jar carries (Lambda's Java runtime has no libargon2).
 */
public final class HashWithoutSystemLibraries {

    private HashWithoutSystemLibraries() {
    }

    public static void main(String[] args) {
        UpgradingPasswordHasher hasher = UpgradingPasswordHasher.standard();
        String hash = hasher.hash("correct horse battery");
        if (!hasher.verify("correct horse battery", hash) || hasher.verify("correct horse batterz", hash)) {
            throw new IllegalStateException("the hash does not verify");
        }
        System.out.println(hash);
    }
}
