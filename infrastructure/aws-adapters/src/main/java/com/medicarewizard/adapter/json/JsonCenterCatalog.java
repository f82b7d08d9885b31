package com.medicarewizard.adapter.json;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.port.CenterCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@link CenterCatalog} from a JSON document shipped inside the function's artifact (in the
 * {@link CenterJson} shape the embedded runtime's center file has too). The configuration changes
 * rarely, is reviewed in the repository and is deployed with the code, so it is read once per
 * container, at construction; a broken document stops the container with the problem named.
 */
public final class JsonCenterCatalog implements CenterCatalog {

    private final Center center;

    private JsonCenterCatalog(Center center) {
        this.center = Objects.requireNonNull(center, "center");
    }

    /** Reads the classpath resource {@code name} (e.g. {@code center.json}). */
    public static JsonCenterCatalog fromResource(String name) {
        try (InputStream in = JsonCenterCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no center document " + name + " on the classpath");
            }
            return new JsonCenterCatalog(CenterJson.read(in, "the center document " + name));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the center document " + name, e);
        }
    }

    @Override
    public Center current() {
        return center;
    }
}
