package com.medicarewizard.intake.auth;

/**
 * The production hashing scheme: new hashes are Argon2id at an OWASP row (7 MiB, 5 passes); hashes written before
 * (bcrypt, or Argon2id at weaker parameters) still verify, and {@link #needsRehash} says so, for the
 * log-in to store a fresh hash once the password is known to be right (ADR 0006).
 */
public final class UpgradingPasswordHasher implements PasswordHasher {
    private final Argon2idPasswordHasher current;
    private final PasswordHasher bcrypt;

    public UpgradingPasswordHasher(Argon2idPasswordHasher current, PasswordHasher bcrypt) {
        this.current = current;
        this.bcrypt = bcrypt;
    }

    /** Argon2id at an OWASP row; bcrypt at the cost it was written with, for hashes not yet upgraded. */
    public static UpgradingPasswordHasher standard() {
        return new UpgradingPasswordHasher(Argon2idPasswordHasher.standard(), BcryptPasswordHasher.standard());
    }

    @Override
    public String hash(String password) {
        return current.hash(password);
    }

    @Override
    public boolean verify(String password, String hash) {
        return Argon2idPasswordHasher.isArgon2id(hash) ? current.verify(password, hash) : bcrypt.verify(password, hash);
    }

    @Override
    public boolean needsRehash(String hash) {
        return !current.isCurrent(hash);
    }
}
