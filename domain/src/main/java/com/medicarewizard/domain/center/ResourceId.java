package com.medicarewizard.domain.center;

import java.util.Objects;

/** Identifies one resource (a room, a machine, a person), e.g. {@code RN-MRI-1}. */
public record ResourceId(String value) {
    public ResourceId {
        Objects.requireNonNull(value, "resource id");
        if (!CodeShape.matches(value)) {
            throw new IllegalArgumentException("resource id must be 1-40 upper-case letters, digits or dashes");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
