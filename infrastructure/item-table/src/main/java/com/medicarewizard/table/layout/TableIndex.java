package com.medicarewizard.table.layout;

import com.medicarewizard.table.IndexDefinition;

import java.util.List;

/**
 * The global secondary indexes of {@link ItemLayout}: string partition and sort keys, every
 * attribute projected. {@link #ALL} is the one list the embedded table, the DynamoDB table the
 * tests create and the deployed table are all built from.
 */
public final class TableIndex {

    public static final List<IndexDefinition> ALL = List.of(
            new IndexDefinition(ItemLayout.BY_PATIENT, ItemLayout.PATIENT_ID, ItemLayout.START),
            new IndexDefinition(ItemLayout.PENDING_INDEX, ItemLayout.PENDING, ItemLayout.REQUESTED_AT),
            new IndexDefinition(ItemLayout.BY_DECISION, ItemLayout.DECIDED, ItemLayout.DECIDED_AT),
            new IndexDefinition(ItemLayout.UNSETTLED_INDEX, ItemLayout.UNSETTLED, ItemLayout.SETTLE_BY),
            new IndexDefinition(ItemLayout.PARKED_INDEX, ItemLayout.PARKED, ItemLayout.PARKED_AT),
            new IndexDefinition(ItemLayout.DUE_INDEX, ItemLayout.DUE, ItemLayout.NEXT_ATTEMPT_AT),
            new IndexDefinition(ItemLayout.SESSIONS_INDEX, ItemLayout.SESSION_OF, ItemLayout.ISSUED_AT));

    private TableIndex() {
    }
}
