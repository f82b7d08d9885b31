package com.medicarewizard.performance.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's collector cost a scenario, read from its unified GC log ({@code -Xlog:gc*:file=...:time,uptime},
 * as {@code run-load-test} writes with {@code LOAD_GC_LOGS=1}): the pauses (every thread stopped; G1's,
 * the parallel collector's, ZGC's short ones) and ZGC's allocation stalls (one thread waiting for memory)
 * that ended within the scenario's window.
 */
record GcLog(Stops pauses, Stops stalls) {
    // "[2026-12-07T01:02:27.587+0000][1.215s] GC(0) Pause Mark Start 0.007ms", "... GC(4) Pause Young (Normal) (G1 Evacuation Pause) 57M->14M(1028M) 14.187ms"
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\]\\[[^\\]]*\\] GC\\(\\d+\\) (?:[yYoO]: )?Pause .* (\\d+(?:\\.\\d+)?)ms$");
    // "[...][...] GC(7) Allocation Stall (JMeter thread 12) 3.021ms" (ZGC)
    private static final Pattern STALL = Pattern.compile("^\\[([^\\]]+)\\]\\[[^\\]]*\\] .*Allocation Stall \\(.*\\) (\\d+(?:\\.\\d+)?)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** How many, their sum and the longest. */
    record Stops(long count, double sumMillis, double maxMillis) {
        static final Stops NONE = new Stops(0, 0, 0);

        Stops plus(double millis) {
            return new Stops(count + 1, sumMillis + millis, Math.max(maxMillis, millis));
        }

        String describe() {
            return Format.count(count) + ", " + Format.millis(sumMillis) + " in all, longest " + Format.millis(maxMillis);
        }
    }

    /** The log's stops that ended within {@code window}; empty when there is no such file. */
    static Optional<GcLog> read(Path file, Window window) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(of(Files.readAllLines(file, StandardCharsets.UTF_8), window));
    }

    static GcLog of(List<String> lines, Window window) {
        Stops pauses = Stops.NONE;
        Stops stalls = Stops.NONE;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.matches() && within(pause.group(1), window)) {
                pauses = pauses.plus(Double.parseDouble(pause.group(2)));
                continue;
            }
            Matcher stall = STALL.matcher(line);
            if (stall.matches() && within(stall.group(1), window)) {
                stalls = stalls.plus(Double.parseDouble(stall.group(2)));
            }
        }
        return new GcLog(pauses, stalls);
    }

    private static boolean within(String time, Window window) {
        long at = OffsetDateTime.parse(time, TIME).toInstant().toEpochMilli();
        return at >= window.startMillis() && at <= window.endMillis();
    }

    String describe() {
        return "pauses " + pauses.describe() + (stalls.count() > 0 ? "; allocation stalls " + stalls.describe() : "");
    }
}
