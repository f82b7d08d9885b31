package com.medicarewizard.intake.auth;

/** A slow, salted password hash; behind an interface so tests can use a cheap cost. */
public interface PasswordHasher {

    String hash(String password);

    /** True when {@code password} matches {@code hash}; false (never an exception) for a malformed hash. */
    boolean verify(String password, String hash);
}
