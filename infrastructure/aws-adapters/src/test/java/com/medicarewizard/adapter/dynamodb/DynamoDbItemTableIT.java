package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.contract.ItemTableContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ItemTable} contract on the wire: {@link DynamoDbItemTable} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbItemTableIT extends ItemTableContract {

    @Override
    protected ItemTable newTable() {
        return DynaliteExtension.freshTable();
    }
}
