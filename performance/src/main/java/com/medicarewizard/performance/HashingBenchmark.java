package com.medicarewizard.performance;

import com.medicarewizard.intake.auth.Argon2idPasswordHasher;
import com.medicarewizard.intake.auth.BcryptPasswordHasher;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.runtime.lambda.PlatformThreadHasher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one log-in's password check costs, on one thread: bcrypt at cost 10 (the JVM implementation
 * the intake used) against Argon2id at OWASP's minimum (m = 19 MiB, t = 2, p = 1) through the native
 * reference library, each measured in several rounds so that a busy machine shows as a spread; and
 * from the median, the log-ins per second the local runtime's hashing threads can give (ADR 0006).
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
        return List.of(
                line("bcrypt cost 10 (JVM)", BcryptPasswordHasher.standard()),
                line("Argon2id m=19456 KiB t=2 p=1 (libargon2)", Argon2idPasswordHasher.standard()));
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
