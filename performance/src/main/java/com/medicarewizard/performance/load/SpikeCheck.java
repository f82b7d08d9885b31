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
 * decision), the time from the first request to the last decision, the longest stall in decisions
 * ({@link DecisionStall}), and that no resource is booked twice (the ledger audit). With
 * {@code --results}, it also reads the spike's JMeter results and counts the answers
 * ({@link SpikeAnswers}). Usage: {@code SpikeCheck --data DIR --since EPOCH_MILLIS --out FILE
 * [--results results.jtl --window-millis 2000 [--requests N]] [--latency-bound]} ({@code --requests}: how
 * many the generator was to send; fewer sent misses the bound); exits 1 when a bound of
 * {@link SpikeBounds} is missed (it prints which), 2 on unreadable input.
 */
public final class SpikeCheck {
    private SpikeCheck() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine line = CommandLine.parse(args, Set.of("--latency-bound"));
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
        if (line.has("--results")) {
            try {
                SpikeAnswers.of(JtlReader.read(Path.of(line.required("--results"))),
                        Long.parseLong(line.required("--window-millis"))).putInto(figures);
            } catch (ReportInputException e) {
                System.err.println("spike check: " + e.getMessage());
                System.exit(2);
            }
            figures.setProperty("latencyBound", String.valueOf(line.has("--latency-bound")));
            line.optional("--requests").ifPresent(planned -> figures.setProperty("planned", planned));
        }
        try (Writer writer = Files.newBufferedWriter(Path.of(line.required("--out")), StandardCharsets.UTF_8)) {
            figures.store(writer, "spike check over the table");
        }
        figures.stringPropertyNames().stream().sorted()
                .forEach(name -> System.out.printf("  %-34s %s%n", name, figures.getProperty(name)));
        List<Target> missed = SpikeBounds.of(figures).stream().filter(t -> !t.passed()).toList();
        missed.forEach(t -> System.out.println("  MISSED " + t.name() + ": " + t.measured()));
        System.exit(missed.isEmpty() ? 0 : 1);
    }

    static Properties check(Reservations reservations, LedgerAudit ledgerAudit, Instant since) {
        List<Reservation> decided = reservations.decidedSince(since).stream()
                .filter(r -> !r.requestedAt().isBefore(since)).toList();
        long pending = reservations.pendingSince(Instant.now(), 1_000_000).stream()
                .filter(r -> !r.requestedAt().isBefore(since)).count();
        long[] millis = decided.stream()
                .mapToLong(r -> Duration.between(r.requestedAt(), r.decidedAt().orElseThrow()).toMillis()).toArray();
        Latency decisions = Latency.of(millis);
        List<DecisionStall.Request> timeline = decided.stream().map(r -> new DecisionStall.Request(
                r.requestedAt().toEpochMilli(), r.decidedAt().orElseThrow().toEpochMilli())).toList();
        LedgerAudit.Findings audit = ledgerAudit.run();
        Properties p = new Properties();
        p.setProperty("requests", String.valueOf(decided.size() + pending));
        p.setProperty("decided", String.valueOf(decided.size()));
        p.setProperty("pending", String.valueOf(pending));
        p.setProperty("confirmed", String.valueOf(count(decided, ReservationStatus.CONFIRMED)));
        p.setProperty("rejected", String.valueOf(count(decided, ReservationStatus.REJECTED)));
        p.setProperty("decidedWithin30s",
                String.valueOf(Arrays.stream(millis).filter(m -> m <= SpikeBounds.DECIDE_MILLIS).count()));
        p.setProperty("p50DecisionMillis", String.valueOf(decisions.p50()));
        p.setProperty("p99DecisionMillis", String.valueOf(decisions.p99()));
        p.setProperty("maxDecisionMillis", String.valueOf(decisions.max()));
        p.setProperty("firstRequestToLastDecisionMillis", String.valueOf(timeline.isEmpty() ? 0
                : timeline.stream().mapToLong(DecisionStall.Request::decidedMillis).max().orElseThrow()
                - timeline.stream().mapToLong(DecisionStall.Request::arrivedMillis).min().orElseThrow()));
        p.setProperty("longestStallMillis", String.valueOf(DecisionStall.longestMillis(timeline)));
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
