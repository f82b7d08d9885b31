package com.medicarewizard.performance;

import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first benchmark of the embedded runtime: availability cost, allocator decisions per second,
 * and the edge's 202 latency. Prints its figures; see the README for how to run it.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== availability (ledger read + calculation, in-process)");
        AvailabilityBenchmark availability = new AvailabilityBenchmark();
        for (int bookings : new int[] {500, 2_000, 5_000}) {
            System.out.println(availability.run(bookings).getFirst());
        }
        Path data = Files.createTempDirectory("mcw-bench");
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "bench-ops-token-0000"))) {
            AllocatorBenchmark allocator = new AllocatorBenchmark(runtime);
            System.out.println("== allocator");
            allocator.throughQueue(300, 40);
            System.out.printf("decisions/s through SQS + event source mapping: %8.0f  (2,000 requests)%n",
                    allocator.throughQueue(2_000, 10));
            System.out.printf("decisions/s of the use case alone:               %8.0f  (2,000 requests)%n",
                    allocator.useCaseAlone(2_000, 20));
            System.out.println("== edge");
            EdgeBenchmark edge = new EdgeBenchmark(runtime.port());
            edge.run(20, 20, 50);
            System.out.println(edge.run(50, 40, 60));
        }
    }
}
