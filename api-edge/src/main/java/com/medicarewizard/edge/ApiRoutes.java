package com.medicarewizard.edge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route table of the API, from the same OpenAPI document API Gateway is built from
 * ({@link ApiDocument}), so the local gateway answers exactly the resources and methods AWS would.
 *
 * <p>Matching follows API Gateway: the most specific resource wins (a literal segment beats
 * {@code {param}}, which beats a greedy {@code {proxy+}}), and only that resource's methods are
 * considered; {@code x-amazon-apigateway-any-method} accepts every method.
 */
public final class ApiRoutes {

    /** The method name API Gateway uses for {@code x-amazon-apigateway-any-method}. */
    public static final String ANY = "ANY";

    private final List<Route> routes;

    private ApiRoutes(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparing(Route::specificity)).toList();
    }

    /** The v1 contract's routes. */
    public static ApiRoutes v1() {
        return of(ApiDocument.v1());
    }

    /** Loads an OpenAPI document (YAML or JSON) from the classpath. */
    public static ApiRoutes fromClasspath(String resource) {
        return of(ApiDocument.fromClasspath(resource));
    }

    /** The resources of the document's operations, each with the methods it has. */
    public static ApiRoutes of(ApiDocument document) {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        document.operations().forEach(operation ->
                methods.computeIfAbsent(operation.path(), path -> new TreeSet<>()).add(operation.method()));
        List<Route> routes = new ArrayList<>();
        methods.forEach((path, verbs) -> routes.add(new Route(path, verbs)));
        return new ApiRoutes(routes);
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
