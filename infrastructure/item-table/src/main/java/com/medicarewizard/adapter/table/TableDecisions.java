package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.DECIDING_BY;
import static com.medicarewizard.table.layout.ItemLayout.OWNER;
import static com.medicarewizard.table.layout.ItemLayout.VERSION;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.Reservations.ConcurrentChangeException;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.ReservationRecords;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Decisions} on the item table: a confirmation is one transaction of the reservation's put (on
 * condition that its stored version is the one it carries and that it has no decision lease) and one
 * claim put per cell, each claim-if-absent-or-mine as {@link TableSlotLedger} claims; a rejection is the
 * reservation's put alone, on the same condition. A cancelled transaction's
 * reasons say which condition failed: the reservation's first (it changed, or carries a lease), else
 * the claims naming their current owners. Where a server reports only the first failed condition
 * (dynalite's emulation), the one cell named is enough: the caller chooses again without it.
 */
public final class TableDecisions implements Decisions {

    private final ItemTable table;

    public TableDecisions(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Confirmation confirm(Reservation confirmed, List<Cell> cells) {
        Decisions.validate(confirmed, cells);
        Reservation stored = confirmed.withVersion(confirmed.version() + 1);
        Condition freeOrMine = Condition.absentOr(Condition.equals(OWNER, confirmed.id().value()));
        List<Write> writes = new ArrayList<>(cells.size() + 1);
        writes.add(Write.put(ReservationRecords.item(stored), unleasedAt(confirmed.version())));
        cells.forEach(cell -> writes.add(Write.put(TableSlotLedger.claimItem(confirmed.id(), cell), freeOrMine)));
        try {
            table.transact(writes);
            return new Stored(stored);
        } catch (TransactionCanceledException e) {
            return refused(confirmed, cells, e);
        }
    }

    /** One put, on the same condition as a confirmation's: a rejection claims nothing, so it needs no transaction. */
    @Override
    public Optional<Reservation> reject(Reservation rejected) {
        Decisions.validateRejection(rejected);
        Reservation stored = rejected.withVersion(rejected.version() + 1);
        try {
            table.put(ReservationRecords.item(stored), unleasedAt(rejected.version()));
            return Optional.of(stored);
        } catch (ConditionFailedException e) {
            requireLeased(rejected, e.current());
            return Optional.empty();
        }
    }

    /** The request's own condition: still the version read, and no decision lease on it. */
    private static Condition unleasedAt(long version) {
        return Condition.and(Condition.equals(VERSION, version), Condition.attributeNotExists(DECIDING_BY));
    }

    /**
     * The request's condition failed: returns when it failed on a lease over the version read, throws
     * {@link ConcurrentChangeException} when the request changed.
     */
    private static void requireLeased(Reservation decided, Optional<Item> current) {
        boolean leasedAsRead = current.filter(item -> item.has(VERSION) && item.longValue(VERSION) == decided.version()
                && item.has(DECIDING_BY)).isPresent();
        if (!leasedAsRead) {
            throw new ConcurrentChangeException(decided.id(), current.map(ReservationRecords::reservation));
        }
    }

    private static Confirmation refused(Reservation confirmed, List<Cell> cells, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.reasons();
        CancellationReason own = reasons.getFirst();
        if (own.conditionFailed()) {
            requireLeased(confirmed, own.current());
            return new Leased();
        }
        Set<Cell> taken = new HashSet<>();
        for (int i = 1; i < reasons.size(); i++) {
            if (reasons.get(i).conditionFailed()) {
                taken.add(cells.get(i - 1));
            }
        }
        if (taken.isEmpty()) {
            throw new ContendedWriteException("the confirmation of " + confirmed.id() + " met another write under way", e);
        }
        return new Taken(taken);
    }
}
