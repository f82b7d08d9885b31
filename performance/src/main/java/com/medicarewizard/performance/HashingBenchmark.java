package com.medicarewizard.performance;

import com.medicarewizard.intake.auth.Argon2idPasswordHasher;
import com.medicarewizard.intake.auth.BcryptPasswordHasher;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.runtime.lambda.PlatformThreadHasher;
import com.goterl.lazysodium.SodiumJava;
import com.sun.jna.NativeLong;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one log-in's password check costs, on one thread: bcrypt at cost 10 (the JVM implementation
 * the intake used first), Argon2id through libargon2 at each of the five rows OWASP rates equally
 * strong (the intake used 19 MiB × 2, and uses the fastest here, 7 MiB × 5, marked *), and the
 * intake's row through libsodium, faster but unfit for hashing at idle priority (ADR 0006). Each is
 * measured in several rounds, so that a busy machine shows as a spread; from the median, the log-ins
 * per second the local runtime's hashing threads can give.
 */
final class HashingBenchmark {
    private static final String PASSWORD = "benchmark password 1234";
    private final int warmUp;
    private final int rounds;
    private final int perRound;

    /** {@code warmUp} verifications, then {@code rounds} of {@code perRound} timed ones, per scheme. */
    HashingBenchmark(int warmUp, int rounds, int perRound) {
        if (warmUp < 0 || rounds < 1 || perRound < 1) {
            throw new IllegalArgumentException("at least one round of at least one verification");
        }
        this.warmUp = warmUp;
        this.rounds = rounds;
        this.perRound = perRound;
    }

    /** As {@code run-benchmark} runs it: 10 to warm up, then 5 rounds of 20. */
    static HashingBenchmark standard() {
        return new HashingBenchmark(10, Integer.getInteger("mcw.bench.hashRounds", 5),
                Integer.getInteger("mcw.bench.hashesPerRound", 20));
    }

    /** One line per scheme. */
    List<String> run() {
        List<String> lines = new ArrayList<>();
        lines.add(line("bcrypt cost 10 (JVM)", BcryptPasswordHasher.standard()));
        for (Argon2idPasswordHasher.Row row : Argon2idPasswordHasher.OWASP_ROWS) {
            lines.add(line(String.format(Locale.ROOT, "Argon2id m=%d KiB t=%d p=1 (libargon2)%s", row.memoryKib(),
                            row.iterations(), row.isStandard() ? " *" : ""),
                    new Argon2idPasswordHasher(row.memoryKib(), row.iterations())));
        }
        lines.add(line(String.format(Locale.ROOT, "Argon2id m=%d KiB t=%d p=1 (libsodium)",
                        Argon2idPasswordHasher.STANDARD_MEMORY_KIB, Argon2idPasswordHasher.STANDARD_ITERATIONS),
                new Libsodium(Argon2idPasswordHasher.STANDARD_MEMORY_KIB, Argon2idPasswordHasher.STANDARD_ITERATIONS)));
        return lines;
    }

    /**
     * libsodium's Argon2id (AVX2/AVX-512 where the CPU has them), through lazysodium: the same hash
     * as libargon2's, but it maps and unmaps its memory for every hash (ADR 0006).
     */
    static final class Libsodium implements PasswordHasher {
        private static final SodiumJava SODIUM = new SodiumJava();
        private final int memoryKib;
        private final int iterations;

        Libsodium(int memoryKib, int iterations) {
            this.memoryKib = memoryKib;
            this.iterations = iterations;
        }

        @Override
        public String hash(String password) {
            byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[128];
            if (SODIUM.crypto_pwhash_str(out, bytes, bytes.length, iterations, new NativeLong(memoryKib * 1024L)) != 0) {
                throw new IllegalStateException("libsodium could not hash");
            }
            String terminated = new String(out, StandardCharsets.US_ASCII);
            return terminated.substring(0, terminated.indexOf(0));
        }

        @Override
        public boolean verify(String password, String hash) {
            byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
            byte[] stored = Arrays.copyOf(hash.getBytes(StandardCharsets.US_ASCII), hash.length() + 1);
            return SODIUM.crypto_pwhash_str_verify(stored, bytes, bytes.length) == 0;
        }
    }

    private String line(String name, PasswordHasher hasher) {
        String hash = hasher.hash(PASSWORD);
        for (int i = 0; i < warmUp; i++) {
            verify(hasher, hash);
        }
        List<Double> all = new ArrayList<>();
        double[] roundMedians = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double[] millis = new double[perRound];
            for (int i = 0; i < perRound; i++) {
                long start = System.nanoTime();
                verify(hasher, hash);
                millis[i] = (System.nanoTime() - start) / 1e6;
                all.add(millis[i]);
            }
            roundMedians[round] = median(millis);
        }
        double median = median(all.stream().mapToDouble(Double::doubleValue).toArray());
        Arrays.sort(roundMedians);
        int threads = PlatformThreadHasher.threadsForSpareCpu();
        return String.format(Locale.ROOT,
                "%-42s %6.1f hashes/s  %7.2f ms per verify (median of %d; rounds %.2f-%.2f ms)  %6.1f log-ins/s on %d hashing thread%s",
                name, 1000 / median, median, all.size(), roundMedians[0], roundMedians[rounds - 1],
                threads * 1000 / median, threads, threads == 1 ? "" : "s");
    }

    private static void verify(PasswordHasher hasher, String hash) {
        if (!hasher.verify(PASSWORD, hash)) {
            throw new IllegalStateException("a hasher did not verify its own hash");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
