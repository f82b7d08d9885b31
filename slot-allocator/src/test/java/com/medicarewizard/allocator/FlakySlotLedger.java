package com.medicarewizard.allocator;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A ledger whose chosen claim call fails, as a table that times out or throttles now and then. */
final class FlakySlotLedger implements SlotLedger {
    private final SlotLedger ledger;
    private int claimsUntilFailure = -1;

    FlakySlotLedger(SlotLedger ledger) {
        this.ledger = ledger;
    }

    /** The {@code n}th claim from now (1 = the next one) throws instead of claiming; 0: none does. */
    void failClaim(int n) {
        claimsUntilFailure = n;
    }

    @Override
    public boolean claim(ReservationId owner, List<Cell> cells) {
        if (--claimsUntilFailure == 0) {
            throw new IllegalStateException("ledger unavailable: request timed out");
        }
        return ledger.claim(owner, cells);
    }

    @Override
    public void release(ReservationId owner, List<Cell> cells) {
        ledger.release(owner, cells);
    }

    @Override
    public Map<Cell, ReservationId> holders(Collection<ResourceId> resources, Instant from, Instant to) {
        return ledger.holders(resources, from, to);
    }
}
