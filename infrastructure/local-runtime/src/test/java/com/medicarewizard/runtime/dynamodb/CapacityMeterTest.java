package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CapacityMeterTest {

    private final CapacityMeter meter = new CapacityMeter();

    @Test
    void countsReadsWritesAndIndexWritesInAllAndPerOperation() {
        meter.charge("GetItem", Consumption.read(0.5, Map.of()));
        meter.charge("GetItem", Consumption.read(2, Map.of()));
        meter.charge("Query", Consumption.read(0, Map.of("byPatient", 1.5)));
        meter.charge("PutItem", Consumption.write(2, Map.of("byPatient", 2.0, "pending", 1.0)));

        CapacityTotals totals = meter.totals();

        assertThat(totals.readUnits()).isEqualTo(4.0);
        assertThat(totals.writeUnits()).isEqualTo(2.0);
        assertThat(totals.indexWriteUnits()).isEqualTo(3.0);
        assertThat(totals.units()).isEqualTo(9.0);
        assertThat(totals.operation("GetItem")).isEqualTo(new CapacityTotals.Operation(2, 2.5, 0, 0));
        assertThat(totals.operation("PutItem").units()).isEqualTo(5.0);
        assertThat(totals.operation("DeleteItem")).isEqualTo(new CapacityTotals.Operation(0, 0, 0, 0));
    }

    @Test
    void aResetAnswersTheTotalsSoFarAndStartsFromZero() {
        meter.charge("PutItem", Consumption.write(1, Map.of()));

        assertThat(meter.reset().writeUnits()).isEqualTo(1.0);
        assertThat(meter.totals().operations()).isEmpty();
        assertThat(meter.totals().units()).isZero();
    }

    @Test
    void callsFromManyThreadsAreAllCounted() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<? extends java.util.concurrent.Future<?>> calls = IntStream.range(0, 10_000)
                    .mapToObj(i -> threads.submit(() -> meter.charge("GetItem", Consumption.read(0.5, Map.of()))))
                    .toList();
            for (var call : calls) {
                call.get();
            }
        }

        assertThat(meter.totals().operation("GetItem")).isEqualTo(new CapacityTotals.Operation(10_000, 5_000, 0, 0));
    }
}
