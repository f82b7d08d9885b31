package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The website ships in the web module's jar: files are read from it, folders never are. */
class ClasspathFilesTest {

    @TempDir
    Path temp;

    @Test
    void readsFilesButNotFoldersFromAJar() throws IOException {
        Path jar = temp.resolve("web.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("web/"));
            out.putNextEntry(new JarEntry("web/bookings/"));
            add(out, "web/bookings/index.html", "bookings page");
        }
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            var files = new ClasspathFiles("web", loader);
            assertThat(files.read("bookings/index.html")).get()
                    .extracting(f -> new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("bookings page");
            assertThat(files.read("bookings")).isEmpty();
            assertThat(files.read("bookings/")).isEmpty();
            assertThat(files.read("missing.html")).isEmpty();
        }
    }

    @Test
    void doesNotReadFoldersOnDisk() {
        var files = new ClasspathFiles("testsite");
        assertThat(files.read("bookings")).isEmpty();
        assertThat(files.read("bookings/index.html")).isPresent();
    }

    private static void add(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream entry = out;
        entry.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
