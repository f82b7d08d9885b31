package com.medicarewizard.domain.patient;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Italian tax code (codice fiscale): 16 characters whose last one is a check character over
 * the first fifteen. Omocodia variants (digits replaced by letters) are accepted.
 */
public record TaxCode(String value) {
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
        10, 22, 25, 24, 23};
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

    public TaxCode {
        Objects.requireNonNull(value, "tax code");
        value = value.trim().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a tax code has 16 letters and digits in the Italian pattern");
        }
        if (value.charAt(15) != checkCharacter(value.substring(0, 15))) {
            throw new IllegalArgumentException("the tax code's check character does not match");
        }
    }

    /** The tax code made of these fifteen characters and their check character. */
    public static TaxCode completing(String first15) {
        Objects.requireNonNull(first15, "first fifteen characters");
        if (first15.length() != 15) {
            throw new IllegalArgumentException("a tax code is completed from its first fifteen characters");
        }
        return new TaxCode(first15 + checkCharacter(first15.toUpperCase(Locale.ROOT)));
    }

    static char checkCharacter(String first15) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = first15.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += (i % 2 == 0) ? ODD[index] : index;
        }
        return (char) ('A' + sum % 26);
    }

    /** Shows only the last four characters. */
    public String masked() {
        return "*".repeat(12) + value.substring(12);
    }
}
