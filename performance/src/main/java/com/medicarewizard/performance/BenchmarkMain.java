package com.medicarewizard.performance;

import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The first benchmark of the embedded runtime: availability cost, allocator decisions per second,
 * and the edge's 202 latency. Prints its figures; see the README for how to run it.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    /** Which parts to run: {@code -Dmcw.bench=availability,allocator,edge} (all by default). */
    private static final List<String> PARTS = List.of(System.getProperty("mcw.bench", "availability,allocator,edge")
            .split(","));

    public static void main(String[] args) throws Exception {
        if (PARTS.contains("availability")) {
            System.out.println("== availability (ledger read + calculation, in-process)");
            AvailabilityBenchmark availability = new AvailabilityBenchmark();
            for (int bookings : new int[] {500, 2_000, 5_000}) {
                System.out.println(availability.run(bookings).getFirst());
            }
        }
        if (!PARTS.contains("allocator") && !PARTS.contains("edge")) {
            return;
        }
        Path data = Files.createTempDirectory("mcw-bench");
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "bench-ops-token-0000"))) {
            if (PARTS.contains("allocator")) {
                AllocatorBenchmark allocator = new AllocatorBenchmark(runtime);
                System.out.println("== allocator");
                allocator.throughQueue(300, 40);
                System.out.printf("decisions/s through SQS + event source mapping: %8.0f  (2,000 requests)%n",
                        allocator.throughQueue(2_000, 10));
                System.out.printf("decisions/s of the use case alone:               %8.0f  (2,000 requests)%n",
                        allocator.useCaseAlone(2_000, 20));
            }
            if (PARTS.contains("edge")) {
                System.out.println("== edge");
                EdgeBenchmark edge = new EdgeBenchmark(runtime.port());
                edge.run(20, 20, 50);
                System.out.println(edge.run(50, 40, 60));
            }
        }
    }
}
