package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.table.TableRecipientQuota;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.contract.RecipientQuotaContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link RecipientQuota} contract on the wire: {@link TableRecipientQuota} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbRecipientQuotaIT extends RecipientQuotaContract {

    @Override
    protected RecipientQuota newQuota() {
        return new TableRecipientQuota(DynaliteExtension.freshTable());
    }
}
