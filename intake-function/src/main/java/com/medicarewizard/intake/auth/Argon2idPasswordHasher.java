package com.medicarewizard.intake.auth;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id through the reference C library (libargon2, bundled for Linux x86-64 and aarch64 by
 * argon2-jvm and called through JNA, so it runs on Lambda's Java runtime, which has none): 16 bytes
 * of salt, a 32-byte tag, one lane, written as a PHC string
 * ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$tag}); it verifies such strings of up to
 * {@link #MAX_LANES} lanes.
 *
 * <p>The standard parameters are the row of OWASP's Password Storage Cheat Sheet that gave the most
 * log-ins per second here of the five it rates as equally strong (46 MiB × 1 pass, 19 × 2, 12 × 3,
 * 9 × 4, 7 × 5; one lane each): {@link #STANDARD_MEMORY_KIB} and {@link #STANDARD_ITERATIONS}. A
 * hash of the 19 MiB × 2 row, which this project wrote before, or of any other row or stronger, is
 * {@linkplain #isCurrent current}; a weaker one is upgraded at the next log-in (ADR 0006).
 *
 * <p>libsodium computes the same hash in about half the time, but it maps and unmaps its memory
 * for every hash, and a hashing thread under {@code SCHED_IDLE} (ADR 0011) that is preempted in
 * those calls holds the process's memory-map lock: measured, other threads' {@code mmap} then
 * waited tens of milliseconds. libargon2 takes its memory from malloc, which reuses it.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    /** OWASP's equal-strength row chosen by measurement (ADR 0006): 7 MiB of memory ... */
    public static final int STANDARD_MEMORY_KIB = 7 * 1024;
    /** ... and 5 passes, one lane. */
    public static final int STANDARD_ITERATIONS = 5;
    /**
     * OWASP Password Storage Cheat Sheet's Argon2id rows, memory in KiB and passes, one lane, which it
     * says "provide an equal level of defense": 46 MiB × 1, 19 × 2, 12 × 3, 9 × 4, 7 × 5.
     */
    public static final List<Row> OWASP_ROWS = List.of(new Row(47_104, 1), new Row(19_456, 2), new Row(12_288, 3),
            new Row(9_216, 4), new Row(7_168, 5));
    /** One row of {@link #OWASP_ROWS}: memory in KiB and passes, one lane. */
    public record Row(int memoryKib, int iterations) {
        /** True for this hasher's own parameters. */
        public boolean isStandard() {
            return memoryKib == STANDARD_MEMORY_KIB && iterations == STANDARD_ITERATIONS;
        }
    }

    /** The most lanes a stored hash may ask for to be verified (each is a thread's worth of work and memory). */
    public static final int MAX_LANES = 4;
    private static final int LANES = 1;
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

    /**
     * @param memoryKib  memory per hash, in KiB (at least 8)
     * @param iterations passes over it (at least 1)
     */
    public Argon2idPasswordHasher(int memoryKib, int iterations) {
        if (iterations < 1 || memoryKib < 8) {
            throw new IllegalArgumentException("Argon2id needs t >= 1 and m >= 8 KiB");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    public static Argon2idPasswordHasher standard() {
        return new Argon2idPasswordHasher(STANDARD_MEMORY_KIB, STANDARD_ITERATIONS);
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
            return argon2.hash(iterations, memoryKib, LANES, chars, StandardCharsets.UTF_8, salt);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean verify(String password, String hash) {
        // the parameters are read from the hash: refuse what this hasher would not accept, rather than let
        // a malformed or absurd one (a gigabyte of memory, a million passes, many lanes) reach the library
        if (hash == null || parameters(hash).filter(this::withinBounds).isEmpty()) {
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
                && stored.parallelism() <= MAX_LANES;
    }

    /**
     * True for an Argon2id hash as strong as this hasher's, and one it verifies: at least its memory
     * and passes, or, when this hasher's parameters are one of {@link #OWASP_ROWS}, at least those of
     * any row (the 19 MiB × 2 this project wrote before is one). A bcrypt hash or a weaker Argon2id
     * one is not.
     */
    public boolean isCurrent(String hash) {
        return parameters(hash).filter(p -> p.version() == VERSION && withinBounds(p) && asStrong(p)).isPresent();
    }

    private boolean asStrong(Parameters stored) {
        if (stored.memoryKib() >= memoryKib && stored.iterations() >= iterations) {
            return true;
        }
        return OWASP_ROWS.contains(new Row(memoryKib, iterations))
                && OWASP_ROWS.stream().anyMatch(row -> stored.memoryKib() >= row.memoryKib()
                        && stored.iterations() >= row.iterations());
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
