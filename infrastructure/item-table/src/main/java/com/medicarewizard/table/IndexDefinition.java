package com.medicarewizard.table;

import java.util.Objects;

/**
 * A global secondary index projecting all attributes. It is sparse: an item lacking either
 * attribute is not in the index. Both attributes are string-typed, as the index's key schema
 * declares them; a write giving one of them another type or an empty string is rejected.
 */
public record IndexDefinition(String name, String partitionAttribute, String sortAttribute) {

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionAttribute, "partitionAttribute");
        Objects.requireNonNull(sortAttribute, "sortAttribute");
        if (partitionAttribute.equals(sortAttribute)) {
            throw new IllegalArgumentException("index " + name + " needs two distinct key attributes");
        }
    }
}
