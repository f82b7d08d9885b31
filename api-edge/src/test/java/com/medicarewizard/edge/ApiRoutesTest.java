package com.medicarewizard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    private final ApiRoutes routes = ApiRoutes.fromClasspath("openapi/routes-test.yaml");

    @Test
    void findsTheTemplateAndDecodesPathParameters() {
        assertThat(routes.match("GET", "/api/items/a%20b%2Fc+d%C3%A8"))
                .isEqualTo(new RouteMatch.Found("/api/items/{id}", Map.of("id", "a b/c+dè")));
    }

    @Test
    void bindsSeveralParameters() {
        assertThat(routes.match("PUT", "/api/items/7/parts/wheel"))
                .isEqualTo(new RouteMatch.Found("/api/items/{id}/parts/{part}", Map.of("id", "7", "part", "wheel")));
    }

    @Test
    void literalSegmentBeatsParameter() {
        assertThat(routes.match("GET", "/api/items/special"))
                .isEqualTo(new RouteMatch.Found("/api/items/special", Map.of()));
    }

    @Test
    void mostSpecificResourceDecidesTheMethods() {
        assertThat(routes.match("DELETE", "/api/items/special"))
                .isEqualTo(new RouteMatch.MethodNotAllowed("/api/items/special", java.util.Set.of("GET")));
    }

    @Test
    void answersMethodNotAllowedWithTheMethodsTheResourceHas() {
        assertThat(routes.match("POST", "/api/items/7"))
                .isEqualTo(new RouteMatch.MethodNotAllowed("/api/items/{id}", java.util.Set.of("GET", "DELETE")));
    }

    @Test
    void answersNoSuchResourceForUnknownOrPartialPaths() {
        assertThat(routes.match("GET", "/api/unknown")).isInstanceOf(RouteMatch.NoSuchResource.class);
        assertThat(routes.match("GET", "/api/items/7/parts")).isInstanceOf(RouteMatch.NoSuchResource.class);
        assertThat(routes.match("GET", "/api/items/")).isInstanceOf(RouteMatch.NoSuchResource.class);
        assertThat(routes.match("GET", "/api/items/%zz")).isInstanceOf(RouteMatch.NoSuchResource.class);
    }

    @Test
    void greedyParameterTakesTheRestOfThePathForAnyMethod() {
        assertThat(routes.match("PATCH", "/api/files/a/b%20c/d.txt"))
                .isEqualTo(new RouteMatch.Found("/api/files/{proxy+}", Map.of("proxy", "a/b c/d.txt")));
    }

    @Test
    void loadsTheV1Contract() {
        assertThat(ApiRoutes.v1().match("GET", "/api/v1/reservations/r-1"))
                .isEqualTo(new RouteMatch.Found("/api/v1/reservations/{id}", Map.of("id", "r-1")));
        assertThat(ApiRoutes.v1().match("PUT", "/api/v1/me")).isInstanceOf(RouteMatch.MethodNotAllowed.class);
    }
}
