package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines each collector writes with -Xlog:gc*:file=...:time,uptime, as run-load-test asks (LOAD_GC_LOGS=1). */
class GcLogTest {
    private static final Window WINDOW = new Window(Instant.parse("2026-12-07T01:02:28Z").toEpochMilli(),
            Instant.parse("2026-12-07T01:02:40Z").toEpochMilli());

    @Test
    void countsThePausesOfEachCollectorWithinTheWindowAndNoPhaseOrStartLine() {
        GcLog log = GcLog.of(List.of(
                "[2026-12-07T01:02:27.587+0000][1.215s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 57M->14M(1028M) 99.000ms",
                "[2026-12-07T01:02:29.000+0000][2.000s] GC(1) Pause Young (Normal) (G1 Evacuation Pause)",
                "[2026-12-07T01:02:29.014+0000][2.014s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 57M->14M(1028M) 14.187ms",
                "[2026-12-07T01:02:29.015+0000][2.015s] GC(1)   Evacuate Collection Set: 12.1ms",
                "[2026-12-07T01:02:30.000+0000][3.000s] GC(2) Pause Remark 642M->614M(1040M) 60.650ms",
                "[2026-12-07T01:02:31.000+0000][4.000s] GC(3) Pause Young (Allocation Failure) 594M->163M(876M) 336.795ms",
                "[2026-12-07T01:02:32.000+0000][5.000s] GC(4) Pause Mark Start 0.007ms",
                "[2026-12-07T01:02:33.000+0000][6.000s] GC(5) y: Pause Mark End 0.011ms",
                "[2026-12-07T01:02:41.000+0000][14.000s] GC(6) Pause Remark 642M->614M(1040M) 70.000ms"), WINDOW);

        assertThat(log.pauses().count()).isEqualTo(5);
        assertThat(log.pauses().sumMillis()).isEqualTo(14.187 + 60.650 + 336.795 + 0.007 + 0.011, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(log.pauses().maxMillis()).isEqualTo(336.795);
        assertThat(log.stalls().count()).isZero();
        assertThat(log.describe()).isEqualTo("pauses 5, 411.7 ms in all, longest 336.8 ms");
    }

    @Test
    void countsZgcAllocationStallsApart() {
        GcLog log = GcLog.of(List.of(
                "[2026-12-07T01:02:35.000+0000][8.000s] GC(7) Allocation Stall (main) 3.021ms",
                "[2026-12-07T01:02:35.500+0000][8.500s] Allocation Stall (HTTP-Dispatcher) 12.000ms"), WINDOW);

        assertThat(log.pauses().count()).isZero();
        assertThat(log.stalls().count()).isEqualTo(2);
        assertThat(log.describe()).endsWith("; allocation stalls 2, 15.0 ms in all, longest 12.0 ms");
    }
}
