package com.medicarewizard.port.fakes;

import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.contract.MessageFailuresContract;

/** The fake the functions' unit tests use keeps the message failures' contract. */
class InMemoryMessageFailuresTest extends MessageFailuresContract {

    @Override
    protected MessageFailures newFailures() {
        return new InMemoryMessageFailures();
    }
}
