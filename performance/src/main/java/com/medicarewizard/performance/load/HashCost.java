package com.medicarewizard.performance.load;

import com.medicarewizard.intake.auth.UpgradingPasswordHasher;
import com.medicarewizard.runtime.lambda.PlatformThreadHasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Measures what one log-in costs: the median time of a password verification of the production
 * scheme (Argon2id, 7 MiB × 5 passes, through libargon2) on one thread, and from it the bound on log-ins per second
 * the local runtime's hashing threads (one per core on spare CPU, ADR 0011) can give on an otherwise idle machine:
 * {@code --out target/load-test/hash-cost.properties}.
 */
public final class HashCost {
    private static final int WARM_UP = 10;
    private static final int MEASURED = 40;

    private HashCost() {
    }

    /** The median password verification in ms, as {@link #main} wrote it (0 when absent). */
    static double hashMillis(Properties written) {
        return figure(written, "hashMillis");
    }

    /** The log-ins per second the hashing threads can do at that cost, as {@link #main} wrote it (0 when absent). */
    static double loginBound(Properties written) {
        return figure(written, "loginBoundPerSecond");
    }

    private static double figure(Properties written, String name) {
        return Double.parseDouble(written.getProperty(name, "0").trim());
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(CommandLine.parse(args, Set.of()).required("--out"));
        UpgradingPasswordHasher hasher = UpgradingPasswordHasher.standard();
        String password = "load-test-password";
        String hash = hasher.hash(password);
        for (int i = 0; i < WARM_UP; i++) {
            hasher.verify(password, hash);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            if (!hasher.verify(password, hash)) {
                throw new IllegalStateException("the hasher did not verify its own hash");
            }
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double hashMillis = nanos[MEASURED / 2] / 1e6;
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = PlatformThreadHasher.threadsForSpareCpu();
        String text = String.format(Locale.ROOT, "hashMillis=%.2f%ncores=%d%nhashingThreads=%d%nloginBoundPerSecond=%.1f%n",
                hashMillis, cores, threads, threads * 1000 / hashMillis);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.print(text);
    }
}
