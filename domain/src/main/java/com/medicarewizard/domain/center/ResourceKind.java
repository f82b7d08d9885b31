package com.medicarewizard.domain.center;

import java.util.Objects;

/** A kind of resource an exam may need: a machine, a room or a qualified person (e.g. {@code MRI_SCANNER}). */
public record ResourceKind(String code) {
    public ResourceKind {
        Objects.requireNonNull(code, "resource kind");
        if (!code.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException("resource kind must be 1-40 upper-case letters, digits or underscores");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
