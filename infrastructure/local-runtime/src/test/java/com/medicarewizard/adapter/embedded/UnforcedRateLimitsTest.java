package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableRateLimits;
import com.medicarewizard.port.RateLimits;

/** Not waiting for the disk changes nothing of what the rate limits answer, concurrent takes included. */
class UnforcedRateLimitsTest extends EmbeddedRateLimitsTest {

    @Override
    protected RateLimits newRateLimits() {
        return new UnforcedRateLimits(openTable(), new TableRateLimits(openTable()));
    }
}
