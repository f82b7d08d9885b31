package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.port.TakenCellsSummary;
import com.medicarewizard.port.contract.TakenCellsSummaryContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTakenCellsTest extends TakenCellsSummaryContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected TakenCellsSummary newSummary() {
        table = EmbeddedTables.open(directory);
        return new TableTakenCells(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
