package com.medicarewizard.runtime.web;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where Debian's Chromium and its driver are ({@code apt-get install chromium chromium-driver}),
 * or {@code MCW_CHROMIUM} / {@code MCW_CHROMEDRIVER}. Without them the browser suite is skipped
 * with a message, unless {@code MCW_REQUIRE_ALL_SUITES=true} (CI), where a skip would hide a
 * missing install step: then it fails.
 */
record Chromium(Path browser, Path driver) {

    static Chromium required() {
        Chromium chromium = new Chromium(path("MCW_CHROMIUM", "/usr/bin/chromium"),
                path("MCW_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium.browser()) || !Files.isExecutable(chromium.driver())) {
            String message = "The browser suite needs Chromium and chromedriver (apt-get install chromium "
                    + "chromium-driver); not found at " + chromium.browser() + " and " + chromium.driver();
            if ("true".equalsIgnoreCase(System.getenv("MCW_REQUIRE_ALL_SUITES"))) {
                fail(message + ", and MCW_REQUIRE_ALL_SUITES=true");
            }
            Assumptions.abort(message);
        }
        return chromium;
    }

    private static Path path(String variable, String fallback) {
        String value = System.getenv(variable);
        return Path.of(value == null || value.isBlank() ? fallback : value);
    }
}
