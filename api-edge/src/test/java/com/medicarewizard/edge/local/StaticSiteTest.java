package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticSiteTest {

    @ParameterizedTest
    @ValueSource(strings = {"/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2E/x", "/..%2fx", "/a%5c..%5cx",
        "/.", "/a//b", "/%00", "/%zz", "relative"})
    void refusesPathsThatAreNotPlainRelativePaths(String rawPath) {
        assertThat(StaticSite.relativePath(rawPath)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/, ''", "/login, login", "/a%20b/c.css, a b/c.css", "/bookings/, bookings/"})
    void decodesPlainPaths(String rawPath, String relative) {
        assertThat(StaticSite.relativePath(rawPath)).contains(relative);
    }

    @ParameterizedTest
    @CsvSource({
        "index.html,           no-cache",
        "app.3f9a2c1b.js,      'public, max-age=31536000, immutable'",
        "chunk-0123456789abcdef.css, 'public, max-age=31536000, immutable'",
        "style.css,            'public, max-age=300'",
        "app.3f9a.js,          'public, max-age=300'",
    })
    void cachesByKindOfFile(String name, String cacheControl) {
        assertThat(StaticFile.of(name, new byte[] {1}).cacheControl()).isEqualTo(cacheControl);
    }

    @Test
    void matchesIfNoneMatchWeaklyAndInLists() {
        StaticFile file = StaticFile.of("a.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(file.matches(file.etag())).isTrue();
        assertThat(file.matches("\"other\", W/" + file.etag())).isTrue();
        assertThat(file.matches("*")).isTrue();
        assertThat(file.matches("\"other\"")).isFalse();
        assertThat(file.matches(null)).isFalse();
    }
}
