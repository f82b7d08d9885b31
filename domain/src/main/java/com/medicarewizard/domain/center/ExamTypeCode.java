package com.medicarewizard.domain.center;

import java.util.Objects;

/** The stable code of an exam type, e.g. {@code MRI-KNEE}. */
public record ExamTypeCode(String value) {
    public ExamTypeCode {
        Objects.requireNonNull(value, "exam type code");
        if (!CodeShape.matches(value)) {
            throw new IllegalArgumentException("exam type code must be 1-40 upper-case letters, digits or dashes");
        }
    }

    /** True when {@code text} has the shape of a code (so it can be looked up at all). */
    public static boolean isWellFormed(String text) {
        return text != null && CodeShape.matches(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
