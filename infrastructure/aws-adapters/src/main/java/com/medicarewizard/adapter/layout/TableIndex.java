package com.medicarewizard.adapter.layout;

import java.util.List;

/**
 * A global secondary index of {@link ItemLayout}: string partition and sort keys, every attribute
 * projected. {@link #ALL} is the one list the embedded table, the DynamoDB table the tests create
 * and the deployed table are all built from.
 */
public record TableIndex(String name, String partitionKey, String sortKey) {

    public static final List<TableIndex> ALL = List.of(
            new TableIndex(ItemLayout.BY_PATIENT, ItemLayout.PATIENT_ID, ItemLayout.START),
            new TableIndex(ItemLayout.PENDING_INDEX, ItemLayout.PENDING, ItemLayout.REQUESTED_AT),
            new TableIndex(ItemLayout.BY_DECISION, ItemLayout.DECIDED, ItemLayout.DECIDED_AT),
            new TableIndex(ItemLayout.PARKED_INDEX, ItemLayout.PARKED, ItemLayout.PARKED_AT),
            new TableIndex(ItemLayout.DUE_INDEX, ItemLayout.DUE, ItemLayout.NEXT_ATTEMPT_AT));
}
