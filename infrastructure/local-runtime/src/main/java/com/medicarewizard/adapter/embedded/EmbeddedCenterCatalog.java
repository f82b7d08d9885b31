package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.json.CenterJson;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.port.CenterCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link CenterCatalog} from a JSON file: what seeds a fresh installation's table (after that the
 * center lives in the table, versioned, and the administrators change it through the staff pages).
 * On the first start the file does not exist: the seed (the demo center) is written there,
 * atomically so that a crash never leaves half a file. The file is read once, at construction; {@link Center}'s constructor
 * validates it, and a broken file stops the start with a message naming the file and the problem.
 */
public final class EmbeddedCenterCatalog implements CenterCatalog {

    private static final ObjectMapper JSON = CenterJson.mapper();

    private final Center center;

    public EmbeddedCenterCatalog(Path file, Supplier<Center> seed) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(seed, "seed");
        if (Files.notExists(file)) {
            writeAtomically(file, seed.get());
        }
        this.center = read(file);
    }

    @Override
    public Center current() {
        return center;
    }

    private static Center read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CenterJson.read(in, "the center file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the center file " + file, e);
        }
    }

    private static void writeAtomically(Path file, Center seed) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(temporary.toFile(), seed);
                move(temporary, absolute);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the seed center to " + file, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
