package com.medicarewizard.domain.center;

import java.util.Objects;

/** Identifies a site of the center, e.g. {@code ROMA-NORD}. */
public record SiteId(String value) {
    public SiteId {
        Objects.requireNonNull(value, "site id");
        if (!CodeShape.matches(value)) {
            throw new IllegalArgumentException("site id must be 1-40 upper-case letters, digits or dashes");
        }
    }

    /** True when {@code text} has the shape of a site id (so it can be looked up at all). */
    public static boolean isWellFormed(String text) {
        return text != null && CodeShape.matches(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
