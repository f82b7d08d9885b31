package com.medicarewizard.adapter.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds health data (reservations, outbox messages): its directories are
 * {@code 0700} and its files {@code 0600}, created so and tightened when found wider (an older
 * version created them {@code 0755} and {@code 0644}). On a file system without POSIX permissions
 * nothing is changed.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code directory} (and missing parents) {@code 0700}, or tightens it when it exists. */
    public static Path directory(Path directory) throws IOException {
        if (!posix(directory)) {
            return Files.createDirectories(directory);
        }
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        Files.setPosixFilePermissions(directory, DIRECTORY);
        return directory;
    }

    /** Opens {@code file}, creating it {@code 0600} if the options create it. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), attributes(file));
    }

    /** Directories under {@code root} (itself included) to {@code 0700}, regular files to {@code 0600}. */
    public static void tighten(Path root) throws IOException {
        if (!Files.exists(root) || !posix(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                restrict(path);
            }
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(path, DIRECTORY);
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(path, FILE);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile (a store's temporary file)
        }
    }

    private static FileAttribute<?>[] attributes(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return posix(parent) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
