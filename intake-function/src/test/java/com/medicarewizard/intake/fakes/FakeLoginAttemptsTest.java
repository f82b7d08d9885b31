package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.LoginAttempts;
import com.medicarewizard.port.contract.LoginAttemptsContract;

/** The intake's failed-log-in fake keeps the login attempts' contract. */
class FakeLoginAttemptsTest extends LoginAttemptsContract {

    @Override
    protected LoginAttempts newLoginAttempts() {
        return new FakeLoginAttempts();
    }
}
