package com.medicarewizard.domain.center;

import java.util.Objects;
import java.util.regex.Pattern;

/** A kind of resource an exam may need: a machine, a room or a qualified person (e.g. {@code MRI_SCANNER}). */
public record ResourceKind(String code) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public ResourceKind {
        Objects.requireNonNull(code, "resource kind");
        if (!SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("resource kind must be 1-40 upper-case letters, digits or underscores");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
