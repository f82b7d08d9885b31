package com.medicarewizard.port.fakes;

import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.contract.RateLimitsContract;

class InMemoryRateLimitsTest extends RateLimitsContract {

    @Override
    protected RateLimits newRateLimits() {
        return new InMemoryRateLimits();
    }
}
