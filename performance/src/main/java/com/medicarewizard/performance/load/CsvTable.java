package com.medicarewizard.performance.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file with a header line, read row by row with fields looked up by column name. */
final class CsvTable {
    private CsvTable() {
    }

    /** One data row of the file; {@link #get} finds a field by its header name. */
    record Row(Map<String, Integer> columns, List<String> fields, Path file, long number) {
        String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= fields.size() ? "" : fields.get(index);
        }

        long getLong(String column) throws ReportInputException {
            try {
                return Long.parseLong(get(column).trim());
            } catch (NumberFormatException e) {
                throw new ReportInputException(file + " record " + number + ": " + column + " is not a whole number");
            }
        }

        double getDouble(String column) throws ReportInputException {
            try {
                return Double.parseDouble(get(column).trim());
            } catch (NumberFormatException e) {
                throw new ReportInputException(file + " record " + number + ": " + column + " is not a number");
            }
        }
    }

    /** Reads the rows in a handler that may reject one. */
    interface RowHandler {
        void accept(Row row) throws ReportInputException;
    }

    /** Reads {@code file}, insisting that its header names every one of {@code required}. */
    static void read(Path file, List<String> required, RowHandler handler) throws IOException, ReportInputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(in);
            List<String> header = csv.next();
            if (header == null) {
                throw new ReportInputException(file + " is empty");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).trim(), i);
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw new ReportInputException(file + " has no column " + column);
                }
            }
            long number = 1;
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                handler.accept(new Row(columns, fields, file, ++number));
            }
        }
    }
}
