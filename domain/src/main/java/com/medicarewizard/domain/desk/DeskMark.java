package com.medicarewizard.domain.desk;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the front desk did on one reservation: booked it for the patient, cancelled it for them, marked
 * them arrived or not shown — each with who and when. A reservation the patient booked and cancelled
 * themselves, and nobody marked, has none.
 */
public record DeskMark(ReservationId reservation, Optional<Act> booked, Optional<Act> cancelled,
                       Optional<Attendance> attendance, Optional<Act> attendanceMarked) {

    public DeskMark {
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(booked, "booked");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(attendanceMarked, "attendance marked");
        if (attendance.isPresent() != attendanceMarked.isPresent()) {
            throw new IllegalArgumentException("an attendance is marked by someone, at some time");
        }
    }

    /** One act of a member of staff: who (their id and name as it was then) and when. */
    public record Act(StaffId staff, String staffName, Instant at) {
        public Act {
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(staffName, "staff name");
            Objects.requireNonNull(at, "at");
        }

        public static Act of(StaffMember member, Instant at) {
            return new Act(member.id(), member.name(), at);
        }
    }
}
