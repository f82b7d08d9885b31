package com.medicarewizard.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route table of the API, read from the same OpenAPI document API Gateway is built from,
 * so the local gateway answers exactly the resources and methods AWS would.
 *
 * <p>Matching follows API Gateway: the most specific resource wins (a literal segment beats
 * {@code {param}}, which beats a greedy {@code {proxy+}}), and only that resource's methods are
 * considered; {@code x-amazon-apigateway-any-method} accepts every method.
 */
public final class ApiRoutes {

    /** Classpath location of the v1 contract. */
    public static final String V1_DOCUMENT = "openapi/medicarewizard-v1.yaml";

    /** The method name API Gateway uses for {@code x-amazon-apigateway-any-method}. */
    public static final String ANY = "ANY";

    private static final Set<String> OPENAPI_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final List<Route> routes;

    private ApiRoutes(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparing(Route::specificity)).toList();
    }

    /** Loads the v1 contract from the classpath. */
    public static ApiRoutes v1() {
        return fromClasspath(V1_DOCUMENT);
    }

    /** Loads an OpenAPI document (YAML or JSON) from the classpath. */
    public static ApiRoutes fromClasspath(String resource) {
        try (InputStream in = ApiRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no OpenAPI document on the classpath: " + resource);
            }
            return fromOpenApi(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the {@code paths} of an OpenAPI document (YAML or JSON). */
    public static ApiRoutes fromOpenApi(InputStream document) throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(document).path("paths");
        List<Route> routes = new ArrayList<>();
        paths.properties().forEach(path -> routes.add(new Route(path.getKey(), methodsOf(path.getValue()))));
        return new ApiRoutes(routes);
    }

    private static Set<String> methodsOf(JsonNode pathItem) {
        Set<String> methods = new TreeSet<>();
        pathItem.fieldNames().forEachRemaining(name -> {
            if (OPENAPI_METHODS.contains(name)) {
                methods.add(name.toUpperCase(Locale.ROOT));
            } else if (name.equals("x-amazon-apigateway-any-method")) {
                methods.add(ANY);
            }
        });
        return methods;
    }

    /** Every resource template with its methods, e.g. {@code /api/v1/me → [GET]}. */
    public Map<String, Set<String>> resources() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        routes.forEach(route -> all.put(route.template(), route.methods()));
        return all;
    }

    /**
     * Finds the resource for a request.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param rawPath the path as sent, still percent-encoded, without the query string
     */
    public RouteMatch match(String method, String rawPath) {
        String[] segments = splitPath(rawPath);
        for (Route route : routes) {
            Map<String, String> parameters = route.bind(segments);
            if (parameters == null) {
                continue;
            }
            if (route.methods().contains(method) || route.methods().contains(ANY)) {
                return new RouteMatch.Found(route.template(), parameters);
            }
            return new RouteMatch.MethodNotAllowed(route.template(), route.methods());
        }
        return new RouteMatch.NoSuchResource();
    }

    private static String[] splitPath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }

    /** One resource of the document and the methods it has. */
    private record Route(String template, List<String> segments, Set<String> methods) {

        Route(String template, Set<String> methods) {
            this(template, List.of(splitPath(template)), Set.copyOf(methods));
        }

        /** Orders literal segments before parameters before greedy ones, segment by segment. */
        String specificity() {
            var key = new StringBuilder();
            segments.forEach(s -> key.append(isGreedy(s) ? '2' : isParameter(s) ? '1' : '0'));
            return key.toString();
        }

        /** The decoded path parameters when the path fits this template, else {@code null}. */
        Map<String, String> bind(String[] path) {
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (isGreedy(segment) && i < path.length) {
                    String rest = String.join("/", List.of(path).subList(i, path.length));
                    return bindOne(parameters, name(segment), rest) ? parameters : null;
                }
                if (i >= path.length || !fits(segment, path[i], parameters)) {
                    return null;
                }
            }
            return path.length == segments.size() ? parameters : null;
        }

        private boolean fits(String segment, String actual, Map<String, String> parameters) {
            return isParameter(segment) ? bindOne(parameters, name(segment), actual) : segment.equals(actual);
        }

        private static boolean bindOne(Map<String, String> parameters, String name, String raw) {
            if (raw.isEmpty()) {
                return false;
            }
            try {
                parameters.put(name, PathSegments.decode(raw));
                return true;
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }

        private static boolean isGreedy(String segment) {
            return isParameter(segment) && segment.endsWith("+}");
        }

        private static String name(String segment) {
            return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
        }
    }
}
