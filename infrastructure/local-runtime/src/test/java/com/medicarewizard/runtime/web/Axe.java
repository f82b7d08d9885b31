package com.medicarewizard.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs axe-core (vendored from the npm registry, see resources/axe-core) on the page shown. */
final class Axe {
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final String SOURCE = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Axe() {
    }

    /** The serious and critical violations on the page, one readable line each. */
    static List<String> seriousViolations(JavascriptExecutor page) {
        page.executeScript(SOURCE);
        Object result = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations)))
                  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
                """);
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree((String) result)) {
                if (BLOCKING.contains(violation.path("impact").asText())) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    found.add(violation.path("impact").asText() + " " + violation.path("id").asText() + ": "
                            + violation.path("help").asText() + " " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core/axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
