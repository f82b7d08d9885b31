package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.DeskMarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The front desk's marks in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.DeskMarksContract}; each mark's entry goes to {@code audit} under one
 * lock, standing for the table's transaction.
 */
public final class InMemoryDeskMarks implements DeskMarks {
    private final Map<ReservationId, DeskMark> marks = new HashMap<>();
    private final AuditTrail audit;

    public InMemoryDeskMarks(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public synchronized boolean markBooked(ReservationId reservation, DeskMark.Act by, AuditEntry entry) {
        DeskMark mark = current(reservation);
        if (mark.booked().isPresent()) {
            return false;
        }
        store(new DeskMark(reservation, Optional.of(by), mark.cancelled(), mark.attendance(), mark.attendanceMarked()),
                entry);
        return true;
    }

    @Override
    public synchronized boolean markCancelled(ReservationId reservation, DeskMark.Act by, AuditEntry entry) {
        DeskMark mark = current(reservation);
        if (mark.cancelled().isPresent()) {
            return false;
        }
        store(new DeskMark(reservation, mark.booked(), Optional.of(by), mark.attendance(), mark.attendanceMarked()),
                entry);
        return true;
    }

    @Override
    public synchronized void markAttendance(ReservationId reservation, Attendance attendance, DeskMark.Act by,
                                            AuditEntry entry) {
        DeskMark mark = current(reservation);
        store(new DeskMark(reservation, mark.booked(), mark.cancelled(), Optional.of(attendance), Optional.of(by)),
                entry);
    }

    @Override
    public synchronized Optional<DeskMark> find(ReservationId reservation) {
        return Optional.ofNullable(marks.get(reservation));
    }

    @Override
    public synchronized Map<ReservationId, DeskMark> findAll(Collection<ReservationId> reservations) {
        if (reservations.size() > MAX_FIND_ALL) {
            throw new IllegalArgumentException("at most " + MAX_FIND_ALL + " reservations at once");
        }
        Map<ReservationId, DeskMark> found = new LinkedHashMap<>();
        reservations.forEach(id -> find(id).ifPresent(mark -> found.put(id, mark)));
        return found;
    }

    private DeskMark current(ReservationId reservation) {
        return marks.getOrDefault(reservation, new DeskMark(reservation, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    private void store(DeskMark mark, AuditEntry entry) {
        audit.record(entry);
        marks.put(mark.reservation(), mark);
    }
}
