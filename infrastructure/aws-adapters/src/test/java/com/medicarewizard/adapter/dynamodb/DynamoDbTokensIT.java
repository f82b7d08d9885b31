package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.contract.TokensContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Tokens} contract on the wire: {@link TableTokens} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbTokensIT extends TokensContract {

    @Override
    protected Tokens newTokens() {
        return new TableTokens(DynaliteExtension.freshTable());
    }
}
