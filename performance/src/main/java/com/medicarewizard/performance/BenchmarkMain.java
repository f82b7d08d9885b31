package com.medicarewizard.performance;

import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The first benchmark of the embedded runtime: availability cost, allocator decisions per second,
 * the edge's 202 latency, and what a log-in's password check costs. Prints its figures; see the
 * README for how to run it.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    /** Which parts to run: {@code -Dmcw.bench=availability,allocator,edge,hashing} (all by default). */
    private static final List<String> PARTS = List.of(System.getProperty("mcw.bench", "availability,allocator,edge,hashing")
            .split(","));

    /**
     * The AWS half at AWS latencies ({@code -Dmcw.bench=aws}; not in the default run): the three lines
     * issue 17 asks for, in its words. {@code -Dmcw.bench.aws.spike=N} decides a smaller spike (2,000 by
     * default), {@code -Dmcw.bench.aws.decisions=N} times the allocator over N requests (1,000; the
     * allocator and the spike run after {@code -Dmcw.bench.aws.warmUp=N} decisions untimed, 5,000),
     * {@code -Dmcw.bench.aws.views=N} reads the month view N times, the first third a warm-up (90: a
     * view is now a few tens of milliseconds, and 10 warm-up views left the SDK's parsing half compiled),
     * and {@code -Dmcw.bench.aws.parts=allocator,availability,spike} chooses the parts.
     */
    private static void aws() throws Exception {
        int decisions = Integer.getInteger("mcw.bench.aws.decisions", 1_000);
        int spike = Integer.getInteger("mcw.bench.aws.spike", 2_000);
        List<String> parts = List.of(System.getProperty("mcw.bench.aws.parts", "allocator,availability,spike").split(","));
        System.out.println("== aws: the DynamoDB adapters through the SDK against the local wire endpoint, each call delayed");
        if (parts.contains("allocator") || parts.contains("spike")) {
            AwsBenchmark.warmUp(Integer.getInteger("mcw.bench.aws.warmUp", 5_000));
        }
        if (parts.contains("allocator")) try (AwsBenchmark aws = AwsBenchmark.standard()) {
            System.out.printf("aws allocator: %.0f decisions/s (one consumer, %d ms per DynamoDB call)%n",
                    aws.allocatorDecisionsPerSecond(decisions), aws.latency().toMillis());
            System.out.println("  " + aws.unitsPer("decision"));
        }
        if (parts.contains("availability")) try (AwsBenchmark aws = AwsBenchmark.standard()) {
            Figures month = aws.availabilityMonth(5_000, Integer.getInteger("mcw.bench.aws.views", 90));
            System.out.printf("aws availability month: p50 %.0f ms, %s read units%n", month.percentileMillis(50),
                    aws.readUnitsPerMonth());
            System.out.println("  " + month);
            System.out.println("  " + aws.unitsPer("month view"));
        }
        if (parts.contains("spike")) try (AwsBenchmark aws = AwsBenchmark.standard()) {
            AwsBenchmark.Spike decided = aws.spike(spike);
            System.out.printf("aws spike: %d requests decided in %.1f s%n", decided.requests(), decided.seconds());
            System.out.printf("  %d confirmed, %d rejected, %d undecided; ledger audit: %d double bookings, %d breaches%n",
                    decided.confirmed(), decided.requests() - decided.confirmed() - decided.undecided(),
                    decided.undecided(), decided.doubleBookings(), decided.breaches());
            System.out.println("  " + aws.unitsPer("request"));
            AwsBenchmark.ReadModelWrites model = decided.readModel();
            System.out.printf("  availability's read model: %.1f write units per confirmed booking (%d cells marked, "
                    + "%.2f units each: the projector's UpdateItem per claimed cell)%n",
                    model.writeUnits() / Math.max(1, decided.confirmed()), model.cells(), model.perCell());
        }
    }

    public static void main(String[] args) throws Exception {
        if (PARTS.contains("hashing")) {
            System.out.println("== hashing (one log-in's password check, one thread)");
            HashingBenchmark.standard().run().forEach(System.out::println);
            System.out.println("== hashing at idle priority: what other threads' memory mapping waits (cores kept ~93 % busy)");
            HashingInterference.standard().run().forEach(System.out::println);
        }
        if (PARTS.contains("availability")) {
            System.out.println("== availability (ledger read + calculation, in-process)");
            AvailabilityBenchmark availability = new AvailabilityBenchmark();
            for (int bookings : new int[] {500, 2_000, 5_000}) {
                System.out.println(availability.run(bookings).getFirst());
            }
        }
        if (PARTS.contains("aws")) {
            aws();
        }
        if (!PARTS.contains("allocator") && !PARTS.contains("edge")) {
            return;
        }
        Path data = Files.createTempDirectory("mcw-bench");
        // The runtime's own defaults (not the tests' 2-second sweeps, which would re-send a backlog), except the
        // abuse and rate limits: the edge benchmark registers 64 patients from one address, sends about 100 requests
        // per patient back to back, all to one test number, and measures the path that accepts them, as before the limits.
        RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("MCW_PORT", "0", "MCW_DATA_DIR", data.toString(),
                "MCW_OPS_TOKEN", "bench-ops-token-0000", "MCW_MAX_ACTIVE_BOOKINGS", "1000",
                "MCW_MAX_MESSAGES_PER_HOUR", "1000000", "MCW_RESERVATION_REQUESTS_PER_MINUTE", "10000",
                "MCW_REGISTRATIONS_PER_ADDRESS_PER_HOUR", "100000"));
        try (LocalRuntime runtime = LocalRuntime.start(config)) {
            if (PARTS.contains("allocator")) {
                AllocatorBenchmark allocator = new AllocatorBenchmark(runtime);
                System.out.println("== allocator");
                // Warm-up: the queue server's code (HTTP, actors, H2) is compiled by the JIT for tens of seconds.
                for (int dayOffset : new int[] {40, 60, 80}) {
                    System.out.printf("  warm-up: %4.0f decisions/s, %5.2f ms CPU each%n",
                            allocator.throughQueue(2_000, dayOffset), allocator.lastCpuMillisPerDecision());
                }
                System.out.printf("decisions/s through SQS + event source mapping: %8.0f  (2,000 requests)%n",
                        allocator.throughQueue(2_000, 10));
                System.out.printf("  CPU per decision, whole process:               %8.2f ms (%d cores: at most %.0f/s)%n",
                        allocator.lastCpuMillisPerDecision(), Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors() * 1000 / allocator.lastCpuMillisPerDecision());
                System.out.printf("decisions/s of the use case alone:               %8.0f  (2,000 requests)%n",
                        allocator.useCaseAlone(2_000, 20));
            }
            if (PARTS.contains("edge")) {
                System.out.println("== edge: 202s and the ceiling (GET /api/v1/me) at 8, 32, 64 keep-alive clients");
                EdgeBenchmark edge = new EdgeBenchmark(runtime.port());
                List<String> patients = edge.patients(64);
                System.out.println("  warm-up: " + edge.run(patients, 8, 500, 50).line());
                int dayOffset = 60;
                for (int clients : EdgeBenchmark.CLIENTS) {
                    System.out.println(edge.run(patients, clients, 2_000, dayOffset).line());
                    dayOffset += 7;
                }
            }
        }
    }
}
