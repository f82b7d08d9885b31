package com.medicarewizard.intake.desk;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.intake.reservation.ReservationBody;

import java.time.ZoneId;
import java.util.Optional;

/** What the front desk's routes answer: patients with their contact data masked, reservations with the desk's marks. */
public final class DeskBodies {
    private DeskBodies() {
    }

    /** A patient as the desk sees them until opened on purpose: name, masked e-mail and phone, year of birth. */
    public record MaskedPatient(String id, String firstName, String lastName, String email, String phone,
                                int yearOfBirth) {
        public static MaskedPatient of(Patient p) {
            return new MaskedPatient(p.id().value(), p.firstName(), p.lastName(), p.email().masked(),
                    p.phone().masked(), p.dateOfBirth().getYear());
        }
    }

    /** A patient opened on purpose: their contact data in full. */
    public record OpenedPatient(String id, String firstName, String lastName, String email, String phone,
                                String taxCode, String dateOfBirth, String language) {
        public static OpenedPatient of(Patient p) {
            return new OpenedPatient(p.id().value(), p.firstName(), p.lastName(), p.email().value(),
                    p.phone().value(), p.taxCode().value(), p.dateOfBirth().toString(), p.language());
        }
    }

    /** A member of staff's act: who, and when in the zone given. */
    public record ActBody(String staff, String name, String at) {
        static Optional<ActBody> of(Optional<DeskMark.Act> act, ZoneId zone) {
            return act.map(a -> new ActBody(a.staff().value(), a.staffName(),
                    com.medicarewizard.intake.http.Times.iso(a.at(), zone)));
        }
    }

    /** A reservation with what the desk did on it. */
    public record DeskReservation(ReservationBody reservation, Optional<ActBody> bookedBy,
                                  Optional<ActBody> cancelledBy, Optional<String> attendance) {
        public static DeskReservation of(Reservation r, Center center, Optional<DeskMark> mark) {
            ZoneId zone = Zones.of(r, center);
            return new DeskReservation(ReservationBody.of(r, center),
                    ActBody.of(mark.flatMap(DeskMark::booked), zone),
                    ActBody.of(mark.flatMap(DeskMark::cancelled), zone),
                    mark.flatMap(DeskMark::attendance).map(Attendance::name));
        }
    }
}
