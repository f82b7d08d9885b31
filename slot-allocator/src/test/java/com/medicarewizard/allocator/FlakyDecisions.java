package com.medicarewizard.allocator;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.Decisions;

import java.util.List;

/**
 * Decisions whose chosen confirmation fails as a table call that times out: before the transaction
 * reached the table, or after it was written, its answer lost on the way back.
 */
final class FlakyDecisions implements Decisions {
    private final Decisions decisions;
    private int confirmsUntilFailure = -1;
    private boolean afterWriting;

    FlakyDecisions(Decisions decisions) {
        this.decisions = decisions;
    }

    /** The {@code n}th confirmation from now (1 = the next one) throws; written first when {@code afterWriting}. 0: none does. */
    void failConfirm(int n, boolean afterWriting) {
        this.confirmsUntilFailure = n;
        this.afterWriting = afterWriting;
    }

    @Override
    public java.util.Optional<Reservation> reject(Reservation rejected) {
        return decisions.reject(rejected);
    }

    @Override
    public Confirmation confirm(Reservation confirmed, List<Cell> cells) {
        if (--confirmsUntilFailure != 0) {
            return decisions.confirm(confirmed, cells);
        }
        if (afterWriting) {
            decisions.confirm(confirmed, cells);
        }
        throw new IllegalStateException("table unavailable: request timed out");
    }
}
