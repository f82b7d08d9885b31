package com.medicarewizard.intake.patient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The frequently used passwords of twelve characters or more, shipped as
 * {@code common-passwords.txt} (one a line; blank lines and {@code #} comments ignored).
 */
public final class CommonPasswords {
    private static final String RESOURCE = "/common-passwords.txt";

    private CommonPasswords() {
    }

    public static Set<String> load() {
        InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the function's jar");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
