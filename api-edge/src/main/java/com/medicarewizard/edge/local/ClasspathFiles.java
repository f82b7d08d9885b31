package com.medicarewizard.edge.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads regular files below a root on the classpath. Directories are never files: on disk a
 * directory "resource" would stream a listing, in a jar it is an entry ending in '/'.
 */
final class ClasspathFiles {

    private final String root;
    private final ClassLoader loader;

    ClasspathFiles(String root) {
        this(root, ClasspathFiles.class.getClassLoader());
    }

    ClasspathFiles(String root, ClassLoader loader) {
        this.root = root.replaceAll("^/+|/+$", "");
        this.loader = loader;
    }

    Optional<StaticFile> read(String relative) {
        URL url = loader.getResource(root + "/" + relative);
        if (url == null || !isRegularFile(url)) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(StaticFile.of(relative, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static boolean isRegularFile(URL url) {
        try {
            return switch (url.getProtocol()) {
                case "file" -> Files.isRegularFile(Path.of(url.toURI()));
                case "jar" -> {
                    var entry = ((JarURLConnection) url.openConnection()).getJarEntry();
                    yield entry != null && !entry.isDirectory();
                }
                default -> !url.getPath().endsWith("/");
            };
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }
}
