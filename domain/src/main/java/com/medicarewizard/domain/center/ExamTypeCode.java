package com.medicarewizard.domain.center;

import java.util.Objects;

/** The stable code of an exam type, e.g. {@code MRI-KNEE}. */
public record ExamTypeCode(String value) {
    public ExamTypeCode {
        Objects.requireNonNull(value, "exam type code");
        if (!value.matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
            throw new IllegalArgumentException("exam type code must be 1-40 upper-case letters, digits or dashes");
        }
    }

    /** True when {@code text} has the shape of a code (so it can be looked up at all). */
    public static boolean isWellFormed(String text) {
        return text != null && text.matches("[A-Z0-9][A-Z0-9-]{0,39}");
    }

    @Override
    public String toString() {
        return value;
    }
}
