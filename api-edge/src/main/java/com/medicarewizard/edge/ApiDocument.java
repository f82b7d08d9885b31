package com.medicarewizard.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The operations of an OpenAPI document, read once: the one list of the API's methods, paths,
 * operation ids and security. API Gateway is imported from the v1 document, the local gateway
 * matches requests against it, and the intake binds each operation id to its use case and applies
 * the operation's security from it.
 */
public final class ApiDocument {

    /** Classpath location of the v1 contract. */
    public static final String V1 = "openapi/medicarewizard-v1.yaml";

    private static final Set<String> OPENAPI_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";

    private final List<ApiOperation> operations;

    private ApiDocument(List<ApiOperation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** The v1 contract, parsed once per process (it does not change while the process runs). */
    public static ApiDocument v1() {
        return V1Holder.DOCUMENT;
    }

    /** Loads an OpenAPI document (YAML or JSON) from the classpath. */
    public static ApiDocument fromClasspath(String resource) {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no OpenAPI document on the classpath: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the operations under {@code paths}, with the document's {@code security} as their default. */
    public static ApiDocument read(InputStream document) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(document);
        List<ApiOperation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(field -> {
            String name = field.getKey();
            if (OPENAPI_METHODS.contains(name) || name.equals(ANY_METHOD)) {
                operations.add(operation(path.getKey(), name, field.getValue(), root.path("security")));
            }
        }));
        return new ApiDocument(operations);
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    private static ApiOperation operation(String path, String method, JsonNode operation, JsonNode defaultSecurity) {
        String verb = method.equals(ANY_METHOD) ? ApiRoutes.ANY : method.toUpperCase(Locale.ROOT);
        Optional<String> id = Optional.ofNullable(operation.path("operationId").textValue());
        JsonNode security = operation.has("security") ? operation.path("security") : defaultSecurity;
        return new ApiOperation(verb, path, id, requirements(security), roles(security));
    }

    /** The role names listed with the schemes of the requirements. */
    private static Set<String> roles(JsonNode security) {
        Set<String> roles = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.forEach(listed -> listed.forEach(role -> roles.add(role.asText()))));
        return roles;
    }

    private static List<Set<String>> requirements(JsonNode security) {
        List<Set<String>> requirements = new ArrayList<>();
        security.forEach(requirement -> {
            Set<String> schemes = new LinkedHashSet<>();
            requirement.fieldNames().forEachRemaining(schemes::add);
            requirements.add(schemes);
        });
        return requirements;
    }

    /** Parsed on first use, by whichever of the gateway and the intake asks first. */
    private static final class V1Holder {
        static final ApiDocument DOCUMENT = fromClasspath(V1);
    }
}
