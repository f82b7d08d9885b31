package com.medicarewizard.port.fakes;

import com.medicarewizard.port.Waitlist;
import com.medicarewizard.port.contract.WaitlistContract;

class InMemoryWaitlistTest extends WaitlistContract {
    @Override
    protected Waitlist newWaitlist() {
        return new InMemoryWaitlist();
    }
}
