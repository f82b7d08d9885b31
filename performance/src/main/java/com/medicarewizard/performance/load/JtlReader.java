package com.medicarewizard.performance.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JMeter CSV results file ({@code results.jtl}) by its header names. Samples whose label
 * starts with {@code setup} or {@code teardown} (logging the test users in, seeding) are left out. The response code is
 * read when the file has it (the spike counts 202s and 4xx answers apart).
 */
final class JtlReader {
    private static final List<String> COLUMNS = List.of("timeStamp", "elapsed", "label", "success");

    private JtlReader() {
    }

    static List<Sample> read(Path file) throws IOException, ReportInputException {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        CsvTable.read(file, COLUMNS, row -> {
            String label = labels.computeIfAbsent(row.get("label"), l -> l);
            if (!Labels.isSetup(label)) {
                samples.add(new Sample(row.getLong("timeStamp"), row.getLong("elapsed"), label,
                        Boolean.parseBoolean(row.get("success").trim()), codes.computeIfAbsent(row.get("responseCode").trim(), c -> c)));
            }
        });
        return samples;
    }
}
