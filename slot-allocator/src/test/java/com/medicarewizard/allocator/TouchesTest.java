package com.medicarewizard.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys that order a batch's commands: a patient, and every day of a site an occupancy reaches. */
class TouchesTest {
    private static final Center CENTER = CenterMother.center();
    private static final PatientId PATIENT = PatientId.random();
    private static final Instant NOW = Instant.parse("2027-12-13T08:00:00Z");

    private static Instant rome(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(CenterMother.ROME).toInstant();
    }

    private static Reservation request(ExamTypeCode exam, SiteId site, Instant start) {
        return Reservation.request(ReservationId.random(), PATIENT, exam, site, start, start.plus(Duration.ofMinutes(30)),
                NOW, "corr");
    }

    @Test
    void aRequestTouchesItsPatientAndTheDayOfItsSite() {
        assertThat(Touches.of(Optional.of(request(CenterMother.MRI, CenterMother.NORD, rome("2027-12-20T10:00"))), CENTER))
                .containsExactlyInAnyOrder("patient:" + PATIENT.value(), "day:NORD:2027-12-20");
    }

    @Test
    void anOccupancyPastMidnightInTheSitesZoneTouchesBothDays() {
        // 23:50 in Rome is 22:50 UTC: the next day in Rome, not in UTC
        assertThat(Touches.of(Optional.of(request(CenterMother.MRI, CenterMother.NORD, rome("2027-12-20T23:50"))), CENTER))
                .contains("day:NORD:2027-12-20", "day:NORD:2027-12-21");
    }

    @Test
    void anExamGoneFromTheCatalogIsTakenToReachTheWidestBuffersAroundIt() {
        ExamTypeCode gone = new ExamTypeCode("GONE");

        assertThat(Touches.of(Optional.of(request(gone, CenterMother.NORD, rome("2027-12-20T22:00"))), CENTER))
                .contains("day:NORD:2027-12-20", "day:NORD:2027-12-21");
        assertThat(Touches.of(Optional.of(request(gone, CenterMother.NORD, rome("2027-12-20T12:00"))), CENTER))
                .doesNotContain("day:NORD:2027-12-21", "day:NORD:2027-12-19");
    }

    @Test
    void aSiteGoneFromTheCatalogCountsItsDaysInUtc() {
        SiteId gone = new SiteId("GONE");

        assertThat(Touches.of(Optional.of(request(CenterMother.MRI, gone, Instant.parse("2027-12-20T23:50:00Z"))), CENTER))
                .contains("day:GONE:2027-12-20", "day:GONE:2027-12-21");
    }

    @Test
    void aMoveAlsoTouchesTheDaysOfTheBookingItReplaces() {
        Reservation booked = request(CenterMother.MRI, CenterMother.NORD, rome("2027-12-20T10:00"))
                .decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"))), NOW);
        Instant later = rome("2027-12-22T10:00");
        Reservation move = Reservation.moveRequest(ReservationId.random(), booked, CenterMother.NORD, later,
                later.plus(Duration.ofMinutes(30)), NOW, "corr");

        assertThat(Touches.of(Optional.of(move), CENTER)).contains("day:NORD:2027-12-20", "day:NORD:2027-12-22");
    }

    @Test
    void aCommandOnNoReservationTouchesNothing() {
        assertThat(Touches.of(Optional.empty(), CENTER)).isEmpty();
    }
}
