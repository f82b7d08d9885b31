package com.medicarewizard.edge;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the route table says about one request: a resource, a wrong method, or nothing. */
public sealed interface RouteMatch {

    /**
     * The request names this resource with a method it has.
     *
     * @param resource the resource template, e.g. {@code /api/v1/reservations/{id}}
     * @param pathParameters the template's parameters, URL-decoded
     */
    record Found(String resource, Map<String, String> pathParameters) implements RouteMatch {
        public Found {
            pathParameters = Map.copyOf(pathParameters);
        }
    }

    /** The resource exists but does not have this method; {@code allowed} are the ones it has, sorted. */
    record MethodNotAllowed(String resource, Set<String> allowed) implements RouteMatch {
        public MethodNotAllowed {
            allowed = Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
        }
    }

    /** No resource of the API matches the path. */
    record NoSuchResource() implements RouteMatch {
    }
}
