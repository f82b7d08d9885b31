package com.medicarewizard.edge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of the OpenAPI document: a method on a resource template, its {@code operationId}
 * and the security it declares.
 *
 * @param method the HTTP method in upper case, or {@link ApiRoutes#ANY} for
 *               {@code x-amazon-apigateway-any-method}
 * @param path the resource template, e.g. {@code /api/v1/reservations/{id}}
 * @param operationId the document's name for the operation, if it gives one
 * @param security the requirements of OpenAPI's {@code security}: any one of them admits a call, and
 *                 one admits when every scheme it names is satisfied; empty when anyone may call
 * @param roles the role names the requirements list with their schemes ({@code staffBearerAuth: [admin]}): the
 *              roles that may call, where a scheme has roles (OpenAPI 3.1's reading of a non-OAuth scheme's
 *              list); empty when none is listed
 */
public record ApiOperation(String method, String path, Optional<String> operationId, List<Set<String>> security,
                           Set<String> roles) {

    public ApiOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operationId, "operation id");
        security = security.stream().map(Set::copyOf).toList();
        roles = Set.copyOf(roles);
    }

    /** An operation whose schemes list no roles. */
    public ApiOperation(String method, String path, Optional<String> operationId, List<Set<String>> security) {
        this(method, path, operationId, security, Set.of());
    }

    /** True when anyone may call it: no requirement, or one that names no scheme. */
    public boolean isOpen() {
        return security.isEmpty() || security.stream().anyMatch(Set::isEmpty);
    }

    @Override
    public String toString() {
        return method + " " + path + operationId.map(id -> " (" + id + ")").orElse("");
    }
}
