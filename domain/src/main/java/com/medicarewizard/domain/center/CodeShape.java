package com.medicarewizard.domain.center;

import java.util.regex.Pattern;

/**
 * The shape of the center's codes and ids ({@code MRI-KNEE}, {@code ROMA-NORD}, {@code RN-MRI-1}):
 * 1-40 upper-case letters, digits or dashes, not starting with a dash. Compiled once: an id is
 * made for every ledger cell read, and {@code String.matches} compiles its pattern each time.
 */
final class CodeShape {
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    private CodeShape() {
    }

    static boolean matches(String text) {
        return SHAPE.matcher(text).matches();
    }
}
