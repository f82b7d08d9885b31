package com.medicarewizard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiDocumentTest {

    private final List<ApiOperation> operations = ApiDocument.fromClasspath("openapi/security-test.yaml").operations();

    @Test
    void anOperationWithoutItsOwnSecurityTakesTheDocumentsAndIsNotOpen() {
        assertThat(operations.getFirst()).isEqualTo(
                new ApiOperation("GET", "/by-default", Optional.of("byDefault"), List.of(Set.of("patient"))));
        assertThat(operations.getFirst().isOpen()).isFalse();
    }

    @Test
    void anEmptySecurityListOpensTheOperation() {
        assertThat(operations.get(1).security()).isEmpty();
        assertThat(operations.get(1).isOpen()).isTrue();
    }

    @Test
    void keepsEachAlternativeRequirementWithAllItsSchemes() {
        assertThat(operations.get(2).method()).isEqualTo("POST");
        assertThat(operations.get(2).security()).containsExactly(Set.of("patient"), Set.of("operator", "key"));
    }

    @Test
    void readsTheGatewaysAnyMethodWithoutAnOperationId() {
        assertThat(operations.get(3).method()).isEqualTo(ApiRoutes.ANY);
        assertThat(operations.get(3).operationId()).isEmpty();
    }

    @Test
    void parsesTheV1ContractOncePerProcess() {
        assertThat(ApiDocument.v1()).isSameAs(ApiDocument.v1());
        assertThat(ApiDocument.v1().operations()).isNotEmpty();
    }
}
