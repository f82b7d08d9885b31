package com.medicarewizard.domain;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reservations for tests, in each state of their life cycle, at fixed instants. */
public final class ReservationMother {

    public static final Instant REQUESTED_AT = Instant.parse("2030-03-04T08:00:00Z");
    public static final Instant START = Instant.parse("2030-03-11T09:15:00Z");
    public static final ExamTypeCode EXAM = new ExamTypeCode("MRI-KNEE");
    public static final SiteId SITE = new SiteId("ROMA-NORD");
    public static final List<ResourceId> RESOURCES = List.of(new ResourceId("RN-MRI-1"), new ResourceId("RN-RAD-1"));

    private ReservationMother() {
    }

    public static Reservation pending(PatientId patient) {
        return pending(patient, START, REQUESTED_AT);
    }

    public static Reservation pending(PatientId patient, Instant start, Instant requestedAt) {
        return Reservation.request(ReservationId.random(), patient, EXAM, SITE, start,
                start.plus(Duration.ofMinutes(30)), requestedAt, "corr-" + ReservationId.random());
    }

    public static Reservation confirmed(Reservation pending, Instant at) {
        return pending.decide(new Decision.Confirmed(RESOURCES), at);
    }

    public static Reservation rejected(Reservation pending, Instant at) {
        return pending.decide(new Decision.Rejected(RejectionReason.SLOT_TAKEN), at);
    }
}
