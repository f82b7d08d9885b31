package com.medicarewizard.performance.load;

import com.medicarewizard.adapter.embedded.EmbeddedCenterCatalog;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.runtime.audit.LedgerAudit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * After the spike, with the load test's runtime stopped: opens its table (and nothing else: no
 * queue, no functions that could still act on the data) and checks that every request made since
 * the spike began was decided, how long each decision took (from the request's arrival to its
 * decision), and that no resource is booked twice (the ledger audit). Usage:
 * {@code SpikeCheck --data DIR --since EPOCH_MILLIS --out FILE}; exits 1 when a request is still
 * PENDING or a rule is broken.
 */
public final class SpikeCheck {
    private SpikeCheck() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine line = CommandLine.parse(args, Set.of());
        Instant since = Instant.ofEpochMilli(Long.parseLong(line.required("--since")));
        Path data = Path.of(line.required("--data"));
        Properties figures;
        try (EmbeddedTable table = EmbeddedTables.open(data.resolve("table"))) {
            var center = new EmbeddedCenterCatalog(data.resolve("center.json"), () -> {
                throw new IllegalStateException("no center in " + data + ": not a runtime's data directory");
            }).current();
            var reservations = new TableReservations(table);
            figures = check(reservations, new LedgerAudit(center, new TableSlotLedger(table), reservations), since);
        }
        try (Writer writer = Files.newBufferedWriter(Path.of(line.required("--out")), StandardCharsets.UTF_8)) {
            figures.store(writer, "spike check over the table");
        }
        figures.stringPropertyNames().stream().sorted()
                .forEach(name -> System.out.printf("  %-22s %s%n", name, figures.getProperty(name)));
        boolean ok = "0".equals(figures.getProperty("pending")) && "0".equals(figures.getProperty("breaches"));
        System.exit(ok ? 0 : 1);
    }

    static Properties check(Reservations reservations, LedgerAudit ledgerAudit, Instant since) {
        List<Reservation> decided = reservations.decidedSince(since).stream()
                .filter(r -> !r.requestedAt().isBefore(since)).toList();
        long pending = reservations.pendingSince(Instant.now(), 1_000_000).stream()
                .filter(r -> !r.requestedAt().isBefore(since)).count();
        long[] millis = decided.stream()
                .mapToLong(r -> Duration.between(r.requestedAt(), r.decidedAt().orElseThrow()).toMillis()).toArray();
        Latency decisions = Latency.of(millis);
        LedgerAudit.Findings audit = ledgerAudit.run();
        Properties p = new Properties();
        p.setProperty("requests", String.valueOf(decided.size() + pending));
        p.setProperty("decided", String.valueOf(decided.size()));
        p.setProperty("pending", String.valueOf(pending));
        p.setProperty("confirmed", String.valueOf(count(decided, ReservationStatus.CONFIRMED)));
        p.setProperty("rejected", String.valueOf(count(decided, ReservationStatus.REJECTED)));
        p.setProperty("decidedWithin30s", String.valueOf(Arrays.stream(millis).filter(m -> m <= 30_000).count()));
        p.setProperty("p50DecisionMillis", String.valueOf(decisions.p50()));
        p.setProperty("p99DecisionMillis", String.valueOf(decisions.p99()));
        p.setProperty("maxDecisionMillis", String.valueOf(decisions.max()));
        p.setProperty("confirmedInTable", String.valueOf(audit.confirmed()));
        p.setProperty("doubleBookings", String.valueOf(audit.doubleBookings()));
        p.setProperty("breaches", String.valueOf(audit.breaches().size()));
        audit.breaches().stream().limit(20).forEach(b -> System.out.println("  BREACH " + b));
        return p;
    }

    private static long count(List<Reservation> decided, ReservationStatus status) {
        return decided.stream().filter(r -> r.status() == status).count();
    }
}
