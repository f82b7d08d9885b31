package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.port.TakenCellsSummary;
import com.medicarewizard.port.contract.TakenCellsSummaryContract;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link TakenCellsSummary} contract on the wire: {@link TableTakenCells} against dynalite as the intake
 * reads it in AWS (each resource's query at once, eventually consistent), a new table per test.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoDbTakenCellsIT extends TakenCellsSummaryContract {

    @Override
    protected TakenCellsSummary newSummary() {
        return new TableTakenCells(DynaliteExtension.freshTable());
    }
}
