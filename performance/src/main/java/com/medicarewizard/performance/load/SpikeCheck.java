package com.medicarewizard.performance.load;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import com.medicarewizard.runtime.audit.LedgerAudit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * After the spike, with the load test's runtime stopped: opens its data directory and checks over
 * the table that every request made since the spike began was decided, how long each decision took
 * (from the request's arrival to its decision), and that no resource is booked twice (the ledger
 * audit). Usage: {@code SpikeCheck --data DIR --since EPOCH_MILLIS --out FILE}; exits 1 when a
 * request is still PENDING or a rule is broken.
 */
public final class SpikeCheck {
    private SpikeCheck() {
    }

    public static void main(String[] args) throws IOException {
        LoadOptions options = LoadOptions.parse(args);
        Instant since = Instant.ofEpochMilli(Long.parseLong(options.required("since")));
        RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("MCW_PORT", "0",
                "MCW_DATA_DIR", options.required("data")));
        Properties figures;
        try (LocalRuntime runtime = LocalRuntime.start(config)) {
            figures = check(runtime, since);
        }
        Path out = Path.of(options.required("out"));
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            figures.store(writer, "spike check over the table");
        }
        figures.stringPropertyNames().stream().sorted()
                .forEach(name -> System.out.printf("  %-22s %s%n", name, figures.getProperty(name)));
        boolean ok = "0".equals(figures.getProperty("pending")) && "0".equals(figures.getProperty("breaches"));
        System.exit(ok ? 0 : 1);
    }

    static Properties check(LocalRuntime runtime, Instant since) {
        List<Reservation> decided = runtime.reservations().decidedSince(since).stream()
                .filter(r -> !r.requestedAt().isBefore(since)).toList();
        long pending = runtime.reservations().pendingSince(Instant.now(), 1_000_000).stream()
                .filter(r -> !r.requestedAt().isBefore(since)).count();
        long[] millis = decided.stream()
                .mapToLong(r -> Duration.between(r.requestedAt(), r.decidedAt().orElseThrow()).toMillis())
                .sorted().toArray();
        LedgerAudit.Findings audit = runtime.audit().run();
        Properties p = new Properties();
        p.setProperty("requests", String.valueOf(decided.size() + pending));
        p.setProperty("decided", String.valueOf(decided.size()));
        p.setProperty("pending", String.valueOf(pending));
        p.setProperty("confirmed", String.valueOf(count(decided, ReservationStatus.CONFIRMED)));
        p.setProperty("rejected", String.valueOf(count(decided, ReservationStatus.REJECTED)));
        p.setProperty("decidedWithin30s", String.valueOf(java.util.Arrays.stream(millis).filter(m -> m <= 30_000).count()));
        p.setProperty("p50DecisionMillis", String.valueOf(rank(millis, 0.50)));
        p.setProperty("p99DecisionMillis", String.valueOf(rank(millis, 0.99)));
        p.setProperty("maxDecisionMillis", String.valueOf(millis.length == 0 ? 0 : millis[millis.length - 1]));
        p.setProperty("confirmedInTable", String.valueOf(audit.confirmed()));
        p.setProperty("doubleBookings", String.valueOf(audit.doubleBookings()));
        p.setProperty("breaches", String.valueOf(audit.breaches().size()));
        audit.breaches().stream().limit(20).forEach(b -> System.out.println("  BREACH " + b));
        return p;
    }

    private static long count(List<Reservation> decided, ReservationStatus status) {
        return decided.stream().filter(r -> r.status() == status).count();
    }

    /** Nearest-rank percentile of sorted values. */
    private static long rank(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
