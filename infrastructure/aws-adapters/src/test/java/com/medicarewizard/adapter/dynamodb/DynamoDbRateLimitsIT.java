package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.table.TableRateLimits;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.contract.RateLimitsContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link RateLimits} contract on the wire: {@link TableRateLimits} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbRateLimitsIT extends RateLimitsContract {

    @Override
    protected RateLimits newRateLimits() {
        return new TableRateLimits(DynaliteExtension.freshTable());
    }
}
