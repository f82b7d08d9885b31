package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.contract.TokensContract;

/** The intake's sessions fake keeps the tokens' contract, so route tests stand on the real store's behaviour. */
class FakeTokensTest extends TokensContract {

    @Override
    protected Tokens newTokens() {
        return new FakeTokens();
    }
}
