package com.medicarewizard.allocator;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A ledger whose chosen claim call fails, as a table that times out or throttles now and then; or
 * after whose chosen claim another consumer's steps run, before this one acts on the answer: how two
 * allocators on real threads may interleave, made deterministic.
 */
final class FlakySlotLedger implements SlotLedger {
    private final SlotLedger ledger;
    private int claimsUntilFailure = -1;
    private int claimsUntilMeanwhile = -1;
    private int releasesUntilFailure = -1;
    private int handBacksUntilFailure = -1;
    private Runnable meanwhile = () -> { };

    FlakySlotLedger(SlotLedger ledger) {
        this.ledger = ledger;
    }

    /** The {@code n}th claim from now (moves' claims included) (1 = the next one) throws instead of claiming; 0: none does. */
    void failClaim(int n) {
        claimsUntilFailure = n;
    }

    /** The {@code n}th release from now (1 = the next one) throws instead of releasing. */
    void failRelease(int n) {
        releasesUntilFailure = n;
    }

    /** The {@code n}th hand-back from now (1 = the next one) throws instead of handing back. */
    void failHandBack(int n) {
        handBacksUntilFailure = n;
    }

    /** Runs {@code steps} once, right after the {@code n}th claim from now (1 = the next one) has returned. */
    void afterClaim(int n, Runnable steps) {
        claimsUntilMeanwhile = n;
        meanwhile = steps;
    }

    @Override
    public boolean claim(ReservationId owner, List<Cell> cells) {
        return counted(() -> ledger.claim(owner, cells));
    }

    @Override
    public boolean claimFrom(ReservationId owner, ReservationId previous, List<Cell> cells) {
        return counted(() -> ledger.claimFrom(owner, previous, cells));
    }

    /** A claim of either kind: it may fail instead, and the steps told to run after it run after it. */
    private boolean counted(java.util.function.BooleanSupplier claim) {
        if (--claimsUntilFailure == 0) {
            throw new IllegalStateException("ledger unavailable: request timed out");
        }
        boolean claimed = claim.getAsBoolean();
        if (--claimsUntilMeanwhile == 0) {
            meanwhile.run();
        }
        return claimed;
    }

    @Override
    public void handBack(ReservationId owner, ReservationId previous, List<Cell> cells) {
        if (--handBacksUntilFailure == 0) {
            throw new IllegalStateException("ledger unavailable: request timed out");
        }
        ledger.handBack(owner, previous, cells);
    }

    @Override
    public void release(ReservationId owner, List<Cell> cells) {
        if (--releasesUntilFailure == 0) {
            throw new IllegalStateException("ledger unavailable: request timed out");
        }
        ledger.release(owner, cells);
    }

    @Override
    public Map<Cell, ReservationId> holders(Collection<ResourceId> resources, Instant from, Instant to) {
        return ledger.holders(resources, from, to);
    }
}
