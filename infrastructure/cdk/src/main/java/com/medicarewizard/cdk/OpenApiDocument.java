package com.medicarewizard.cdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI document as API Gateway imports it here: each operation's integration URI (written
 * with the placeholder {@code ${IntakeFunctionArn}} in the document) pointed at the intake, and the
 * Lambda authorizer declarations and the operations' {@code security} left out, since the intake
 * authenticates (docs/adr/0004).
 */
final class OpenApiDocument {

    private static final String INTEGRATION = "x-amazon-apigateway-integration";

    private OpenApiDocument() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> forGateway(Path file, String intakeInvocationUri) {
        Map<String, Object> document = read(file);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.values().forEach(item -> ((Map<String, Object>) item).values().forEach(operation -> {
            if (operation instanceof Map<?, ?> op) {
                Map<String, Object> mutable = (Map<String, Object>) op;
                mutable.remove("security");
                Object integration = mutable.get(INTEGRATION);
                if (integration instanceof Map<?, ?> existing) {
                    Map<String, Object> pointed = new LinkedHashMap<>((Map<String, Object>) existing);
                    pointed.put("uri", intakeInvocationUri);
                    mutable.put(INTEGRATION, pointed);
                }
            }
        }));
        document.remove("security");
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        if (components != null) {
            components.remove("securitySchemes");
        }
        return document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the OpenAPI document " + file, e);
        }
    }
}
