package com.medicarewizard.port.fakes;

import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.contract.RecipientQuotaContract;

/** The fake the notifier's unit tests use keeps the quota's contract. */
class InMemoryRecipientQuotaTest extends RecipientQuotaContract {

    @Override
    protected RecipientQuota newQuota() {
        return new InMemoryRecipientQuota();
    }
}
