package com.medicarewizard.performance.load;

import com.medicarewizard.domain.patient.TaxCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * Writes the load test's patients as a CSV file, one valid registration per line (the header names
 * the JMeter variables): made-up names, e-mail addresses under {@code example.com}, Italian mobile
 * numbers and tax codes with their check character. Usage: {@code LoadUsers --count N --out FILE}.
 */
public final class LoadUsers {
    /** Every load-test patient's password: long, and on no list of common passwords. */
    static final String PASSWORD = "load-test-Curtain-Lantern-42";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private LoadUsers() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine line = CommandLine.parse(args, Set.of());
        int count = Integer.parseInt(line.required("--count"));
        write(count, Path.of(line.required("--out")));
        System.out.println(count + " patients in " + line.required("--out"));
    }

    static void write(int count, Path file) throws IOException {
        if (count < 1 || count > 999_999) {
            throw new IllegalArgumentException("between 1 and 999,999 patients");
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("email,password,firstName,lastName,phone,taxCode,dateOfBirth");
            for (int n = 1; n <= count; n++) {
                out.println(line(n));
            }
        }
    }

    static String line(int n) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        return String.join(",", "patient-%06d@example.com".formatted(n), PASSWORD, "Load", "Patient" + letters(n),
                "+39347%07d".formatted(n), taxCode(n, born).value(), born.toString());
    }

    /** Surname and name letters from {@code n}, then birth year, month letter, day and a town code. */
    static TaxCode taxCode(int n, LocalDate born) {
        String month = "ABCDEHLMPRST";
        return TaxCode.completing(letters(n) + "%02d".formatted(born.getYear() % 100)
                + month.charAt(born.getMonthValue() - 1) + "%02d".formatted(born.getDayOfMonth()) + "H501");
    }

    /** Six letters, different for every {@code n} below 26^6. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        int rest = n;
        for (int i = 0; i < 6; i++) {
            s.append(LETTERS.charAt(rest % 26));
            rest /= 26;
        }
        return s.reverse().toString();
    }
}
