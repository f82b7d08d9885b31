package com.medicarewizard.port;

import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The front desk's marks on reservations ({@link DeskMark}): booked or cancelled for the patient by staff,
 * arrived or not shown. Each mark is written with its {@link AuditEntry}, both or neither; the reservation
 * itself is the {@link Reservations}' and is never changed here.
 */
public interface DeskMarks {

    /** The most reservations {@link #findAll} reads at once. */
    int MAX_FIND_ALL = 100;

    /**
     * Marks the reservation booked by {@code by}, with the entry, once: a reservation already marked booked
     * (a request repeated with its idempotency key) keeps its first mark and no entry is written.
     *
     * @return false when it was already marked booked (nothing written)
     */
    boolean markBooked(ReservationId reservation, DeskMark.Act by, AuditEntry audit);

    /**
     * Marks the reservation cancelled by {@code by}, with the entry, once: a second mark keeps the first.
     *
     * @return false when it was already marked cancelled (nothing written)
     */
    boolean markCancelled(ReservationId reservation, DeskMark.Act by, AuditEntry audit);

    /** Marks whether the patient came (the latest mark counts), with the entry. */
    void markAttendance(ReservationId reservation, Attendance attendance, DeskMark.Act by, AuditEntry audit);

    Optional<DeskMark> find(ReservationId reservation);

    /**
     * The marks of those of the reservations (distinct, at most {@value #MAX_FIND_ALL}) that have one, in one
     * read where the store can make one.
     */
    Map<ReservationId, DeskMark> findAll(Collection<ReservationId> reservations);
}
