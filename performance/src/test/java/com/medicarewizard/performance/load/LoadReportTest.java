package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadReportTest {
    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";
    private static final long T0 = 1_790_000_000_000L;

    @TempDir
    Path results;

    @Test
    void writesTheTablesChartsAndTargets() throws IOException {
        journey650(true);
        spike();
        Files.writeString(results.resolve("hash-cost.properties"), "hashMillis=80.00\ncores=2\nloginBoundPerSecond=25.0\n");

        assertThat(LoadReport.run(new String[] {"--results", results.toString(), "--check"})).isZero();

        String report = Files.readString(results.resolve("report.md"));
        assertThat(report)
                .contains("### 650 users, original pacing (`journey-650`)\n650 users, mean think time 3,000 ms, 600 s planned.")
                .contains("| 1 home | 3 | 4.0 ms | 4 ms | 5 ms | 5 ms | 5 ms | 5 ms | 0.00 % | 1.02/s |")
                .contains("| 3 log in | 1 | 90.0 ms | 90 ms |")
                .contains("| zz unknown step | 1 |")
                .contains("| spike: 0 double bookings | 0 | pass |")
                .contains("| spike: no 5-second stall in decisions | longest 300 ms | pass |")
                .contains("| load generator (`SpikeDriver`): rate kept, latest send, its own CPU | 981/s, 54 ms late at most,"
                        + " 610 ms of CPU | the requests due at 1,000/s |")
                .contains("| answered 202 / 4xx / otherwise | 2 / 0 / 0 | none otherwise |")
                .contains("| 202 latency p50 / p99 / max | 30 ms / 1,200 ms / 1,200 ms | p99 < 100 ms |")
                .contains("| longest stall (requests waiting, no decision made) | 300 ms | < 5,000 ms |")
                .contains("| queue depth peak | 30 | – |")
                .contains("| drain time (first queued → empty after the peak) | 0.50 s | – |")
                .contains("![journey-650-latency](charts/journey-650-latency.png)")
                .doesNotContain("setup");
        assertThat(report.indexOf("| 7 cancel")).isLessThan(report.indexOf("| zz unknown step"));
        assertThat(report.indexOf("`journey-650`")).isLessThan(report.indexOf("`spike`"));
        assertThat(results.resolve("charts/journey-650-latency.png")).isNotEmptyFile();
        assertThat(results.resolve("charts/journey-650-throughput.png")).isNotEmptyFile();
        assertThat(results.resolve("charts/spike-queue.png")).isNotEmptyFile();
        assertThat(results.resolve("charts/journey-650-queue.png")).doesNotExist();
    }

    @Test
    void checkFailsOnAnErrorSampleButTheReportIsStillWritten() throws IOException {
        journey650(false);

        assertThat(LoadReport.run(new String[] {"--results", results.toString()})).isZero();
        assertThat(LoadReport.run(new String[] {"--results", results.toString(), "--check"})).isEqualTo(1);
        assertThat(Files.readString(results.resolve("report.md")))
                .contains("| 0 errors in every journey scenario | journey-650: 1 | **FAIL** |");
    }

    @Test
    void publishesIntoTheDocumentWithLinksToTheCopiedCharts() throws IOException {
        journey650(true);
        Path docs = Files.createDirectories(results.resolve("docs"));
        Files.writeString(docs.resolve("performance.md"), "# Performance\n");

        assertThat(LoadReport.run(new String[] {"--results", results.toString(), "--publish",
                docs.resolve("performance.md").toString(), "--charts", docs.resolve("performance").toString()})).isZero();

        assertThat(Files.readString(docs.resolve("performance.md"))).startsWith("# Performance\n")
                .contains(Publication.BEGIN, Publication.END, "](performance/journey-650-latency.png)");
        assertThat(docs.resolve("performance/journey-650-throughput.png")).isNotEmptyFile();
    }

    @Test
    void unreadableResultsExitWithTwo() throws IOException {
        Path dir = Files.createDirectories(results.resolve("smoke"));
        Files.writeString(dir.resolve("results.jtl"), "timeStamp,label\n1,1 home\n");

        assertThat(LoadReport.run(new String[] {"--results", results.toString()})).isEqualTo(2);
    }

    private void journey650(boolean allPass) throws IOException {
        Path dir = Files.createDirectories(results.resolve("journey-650"));
        Files.writeString(dir.resolve("scenario.properties"),
                "name=journey-650\ntitle=650 users, original pacing\nusers=650\nthinkMillis=3000\ndurationSeconds=600\n");
        Files.writeString(dir.resolve("results.jtl"), HEADER
                + sample(-5_000, 100, "setup log in", true)
                + sample(0, 3, "1 home", true)
                + sample(1_000, 4, "1 home", true)
                + sample(2_000, 5, "1 home", true)
                + sample(500, 90, "3 log in", true)
                + sample(700, 100, "6 book an exam (end to end)", true)
                + sample(1_500, 20, "zz unknown step", true)
                + sample(2_900, 30, "7 cancel", allPass));
    }

    private void spike() throws IOException {
        Path dir = Files.createDirectories(results.resolve("spike"));
        Files.writeString(dir.resolve("scenario.properties"), "name=spike\ntitle=the spike\n"
                + "generatorPerSecond=981\ngeneratorLateMillis=54\ngeneratorCpuMillis=610\n");
        Files.writeString(dir.resolve("results.jtl"), HEADER
                + sample(0, 1_200, "spike: request", true)
                + sample(10, 30, "spike: request", true));
        Files.writeString(dir.resolve("queue-depth.csv"), QueueRow.HEADER + "\n"
                + (T0 + 250) + ",30,1,0.5,0\n" + (T0 + 500) + ",10,1,1.5,0\n" + (T0 + 750) + ",0,0,0,0\n");
        Files.writeString(dir.resolve("spike-check.properties"), "sent=2\nanswered202=2\nanswered4xx=0\n"
                + "answeredOther=0\nansweredInWindow=2\nwindowMillis=2000\np50AcceptMillis=30\np99AcceptMillis=1200\n"
                + "maxAcceptMillis=1200\nlatencyBound=false\nrequests=2\ndecided=2\ndecidedWithin30s=2\npending=0\n"
                + "longestStallMillis=300\nfirstRequestToLastDecisionMillis=900\ndoubleBookings=0\nbreaches=0\n");
    }

    private static String sample(long offset, long elapsed, String label, boolean success) {
        return "%d,%d,\"%s\",%s,\"Msg, with comma\",t 1-1,text,%s,,100,50,1,1,http://127.0.0.1/x,%d,0,0%n".formatted(
                T0 + offset, elapsed, label, success ? "200" : "500", success, elapsed);
    }
}
