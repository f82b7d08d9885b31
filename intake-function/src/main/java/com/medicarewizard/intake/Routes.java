package com.medicarewizard.intake;

import com.medicarewizard.edge.ApiDocument;
import com.medicarewizard.edge.ApiOperation;
import com.medicarewizard.intake.http.Endpoint;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations of the OpenAPI document, keyed by API Gateway's {@code resource} template and
 * HTTP method, each served by the use case bound to its {@code operationId} behind the security it
 * declares. The document is the one list of routes: an operation without a use case, a use case
 * without an operation, or a use case serving another caller than the one declared stops the
 * intake from starting, so a deployment cannot serve a route the gateway does not describe.
 */
final class Routes {
    private final Map<String, Map<String, Route>> byResource = new LinkedHashMap<>();

    /** @throws IllegalStateException naming every difference between the document and the use cases */
    Routes(ApiDocument document, Map<String, Endpoint> endpoints, DeclaredAccess access) {
        List<String> differences = new ArrayList<>();
        Set<String> documented = new HashSet<>();
        for (ApiOperation operation : document.operations()) {
            operation.operationId().ifPresent(documented::add);
            bind(operation, endpoints, access, differences);
        }
        new TreeSet<>(endpoints.keySet()).stream().filter(id -> !documented.contains(id))
                .forEach(id -> differences.add("the use case " + id + " has no operation in the document"));
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the routes and the OpenAPI document disagree: "
                    + String.join("; ", differences));
        }
    }

    private void bind(ApiOperation operation, Map<String, Endpoint> endpoints, DeclaredAccess access,
                      List<String> differences) {
        if (operation.operationId().isEmpty()) {
            differences.add(operation + " has no operationId");
            return;
        }
        Endpoint endpoint = endpoints.get(operation.operationId().get());
        if (endpoint == null) {
            differences.add(operation + " has no use case");
            return;
        }
        try {
            byResource.computeIfAbsent(operation.path(), r -> new LinkedHashMap<>())
                    .put(operation.method(), access.guard(operation, endpoint));
        } catch (IllegalStateException mismatch) {
            differences.add(mismatch.getMessage());
        }
    }

    /** The route for the request; 404 for an unknown resource, 405 (with Allow) for an unknown method. */
    Route find(Request request) {
        Map<String, Route> methods = byResource.get(request.resource());
        if (methods == null) {
            throw Problems.notFound().raise();
        }
        Route route = methods.get(request.method());
        if (route == null) {
            throw Problems.methodNotAllowed(String.join(", ", new TreeSet<>(methods.keySet()))).raise();
        }
        return route;
    }
}
