package com.medicarewizard.intake.auth;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id through the reference C library (libargon2, bundled for Linux x86-64 and aarch64 by
 * argon2-jvm and called through JNA, so it runs on Lambda's Java runtime, which has none), at OWASP's
 * minimum: 19 MiB of memory, 2 passes, 1 lane, 16 bytes of salt, a 32-byte tag, written as a PHC
 * string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$tag}). Natively it costs less CPU per log-in
 * than bcrypt at cost 10 on the JVM, at a strength OWASP rates the same (ADR 0006).
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    /** OWASP Password Storage Cheat Sheet's minimum for Argon2id: m = 19 MiB, t = 2, p = 1. */
    public static final int STANDARD_MEMORY_KIB = 19 * 1024;
    public static final int STANDARD_ITERATIONS = 2;
    public static final int STANDARD_PARALLELISM = 1;
    /** The most lanes a stored hash may ask for to be verified (each is a thread's worth of work and memory). */
    public static final int MAX_LANES = 4;
    private static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 32;
    private static final int VERSION = 0x13;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[^$]+\\$[^$]+");
    private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, TAG_BYTES);
    /**
     * The salts' source, this hasher's own: the library's default {@code SecureRandom} (NativePRNG on
     * Linux) shares one lock with every {@code UUID.randomUUID()} of the process, and a hashing thread
     * that runs at idle priority (ADR 0011) must hold no lock the request threads wait for. Seeded here,
     * on the constructing thread, not at the first hash.
     */
    private final SecureRandom salts = seeded();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2id needs t >= 1, p >= 1 and m >= 8 KiB per lane");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public static Argon2idPasswordHasher standard() {
        return new Argon2idPasswordHasher(STANDARD_MEMORY_KIB, STANDARD_ITERATIONS, STANDARD_PARALLELISM);
    }

    private static SecureRandom seeded() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            random = new SecureRandom();
        }
        random.nextBytes(new byte[SALT_BYTES]);
        return random;
    }

    @Override
    public String hash(String password) {
        char[] chars = password.toCharArray();
        byte[] salt = new byte[SALT_BYTES];
        salts.nextBytes(salt);
        try {
            return argon2.hash(iterations, memoryKib, parallelism, chars, StandardCharsets.UTF_8, salt);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean verify(String password, String hash) {
        // the parameters are read from the hash: refuse what this hasher did not write, rather than let
        // a malformed or absurd one (a gigabyte of memory, a million passes, many lanes) reach the library
        if (parameters(hash).filter(this::withinBounds).isEmpty()) {
            return false;
        }
        char[] chars = password.toCharArray();
        try {
            return argon2.verify(hash, chars);
        } catch (RuntimeException malformed) {
            return false;
        } finally {
            argon2.wipeArray(chars);
        }
    }

    /**
     * Whether a stored hash asks no more than four times this hasher's memory and passes and at most
     * {@link #MAX_LANES} lanes: the most an upgrade could have written, the least a crafted hash needs
     * to hold a hashing thread (or gigabytes) for long.
     */
    private boolean withinBounds(Parameters stored) {
        return stored.memoryKib() <= 4L * memoryKib && stored.iterations() <= 4L * iterations
                && stored.parallelism() <= Math.max(MAX_LANES, parallelism);
    }

    /** True for an Argon2id hash of this hasher's strength or more; a bcrypt hash or a weaker Argon2id one is not. */
    public boolean isCurrent(String hash) {
        return parameters(hash).filter(p -> p.version() == VERSION && p.memoryKib() >= memoryKib
                && p.iterations() >= iterations).isPresent();
    }

    /** True when {@code hash} is an Argon2id PHC string (of any strength). */
    static boolean isArgon2id(String hash) {
        return parameters(hash).isPresent();
    }

    private static Optional<Parameters> parameters(String hash) {
        Matcher phc = PHC.matcher(hash);
        if (!phc.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parameters(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                    Integer.parseInt(phc.group(3)), Integer.parseInt(phc.group(4))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private record Parameters(int version, int memoryKib, int iterations, int parallelism) {
    }
}
