package com.medicarewizard.adapter.table;

import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.DeskMarks;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.AuditRecords;
import com.medicarewizard.table.layout.DeskRecords;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DeskMarks} on the item table ({@link DeskRecords}): each mark is one update of the reservation's
 * {@code DESK#} item in one transaction with its audit entry. Booked and cancelled are conditional on not
 * being marked yet, so a repeated request records nothing twice.
 */
public final class TableDeskMarks implements DeskMarks {
    private final ItemTable table;

    public TableDeskMarks(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean markBooked(ReservationId reservation, DeskMark.Act by, AuditEntry audit) {
        return once(reservation, DeskRecords.BOOKED, DeskRecords.act(reservation, DeskRecords.BOOKED, by), audit);
    }

    @Override
    public boolean markCancelled(ReservationId reservation, DeskMark.Act by, AuditEntry audit) {
        return once(reservation, DeskRecords.CANCELLED, DeskRecords.act(reservation, DeskRecords.CANCELLED, by),
                audit);
    }

    @Override
    public void markAttendance(ReservationId reservation, Attendance attendance, DeskMark.Act by, AuditEntry audit) {
        write(reservation, DeskRecords.attendance(reservation, attendance, by), Condition.always(), audit);
    }

    @Override
    public Optional<DeskMark> find(ReservationId reservation) {
        return table.get(DeskRecords.key(reservation)).map(DeskRecords::mark);
    }

    @Override
    public Map<ReservationId, DeskMark> findAll(Collection<ReservationId> reservations) {
        if (reservations.size() > MAX_FIND_ALL) {
            throw new IllegalArgumentException("at most " + MAX_FIND_ALL + " reservations at once");
        }
        Map<ReservationId, DeskMark> found = new LinkedHashMap<>();
        if (reservations.isEmpty()) {
            return found;
        }
        table.getAll(reservations.stream().distinct().map(DeskRecords::key).toList()).stream()
                .flatMap(Optional::stream).map(DeskRecords::mark).forEach(mark -> found.put(mark.reservation(), mark));
        return found;
    }

    private boolean once(ReservationId reservation, String act, Update update, AuditEntry audit) {
        try {
            write(reservation, update, Condition.attributeNotExists(DeskRecords.by(act)), audit);
            return true;
        } catch (TransactionCanceledException e) {
            if (e.reasons().getFirst().conditionFailed()) {
                return false;
            }
            throw e;
        }
    }

    private void write(ReservationId reservation, Update update, Condition condition, AuditEntry audit) {
        List<Write> writes = List.of(Write.update(DeskRecords.key(reservation), update, condition),
                Write.put(AuditRecords.item(audit), Condition.absent()));
        try {
            table.transact(writes);
        } catch (TransactionCanceledException e) {
            if (e.reasons().stream().anyMatch(CancellationReason::conflicted)) {
                throw new ContendedWriteException("the desk's mark on " + reservation + " met another change", e);
            }
            throw e;
        }
    }
}
