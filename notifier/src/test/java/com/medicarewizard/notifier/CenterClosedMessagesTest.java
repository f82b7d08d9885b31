package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.domain.patient.TaxCode;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.Notifications.Sms;
import com.medicarewizard.port.fakes.InMemorySlotLedger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Issue 18: a patient whose booking the center cancelled (reason CENTER_CLOSED) is told why, with the five
 * free times of the same exam nearest to the one lost, and a link to book again, in their language.
 */
class CenterClosedMessagesTest {
    private static final Instant NOW = Instant.parse("2027-12-13T08:00:00Z");
    /** A Monday; the MRI opens 08:00–13:00 and 14:00–18:00. */
    private static final LocalDate MONDAY = LocalDate.of(2027, 12, 20);
    /** The demo center with the Monday closed: what the administrator's change left. */
    private final Center center = closedOn(MONDAY);
    private final InMemorySlotLedger ledger = new InMemorySlotLedger();
    private final Rebooking rebooking = new Rebooking(ledger, () -> URI.create("https://booking.example.org/"));

    private static Instant at(int hour, int minute) {
        return at(MONDAY, hour, minute);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(CenterMother.ROME).toInstant();
    }

    private static Center closedOn(LocalDate day) {
        Center c = CenterMother.center();
        var closures = new java.util.ArrayList<>(c.closures());
        closures.add(com.medicarewizard.domain.center.Closure.ofSite(CenterMother.NORD, day, day, "burst pipe"));
        return new Center(c.sites(), c.examTypes(), c.resources(), closures, c.policy());
    }

    private Reservation cancelledByTheCenter(Instant start) {
        Reservation booked = Reservation.request(ReservationId.random(), PatientId.random(), CenterMother.MRI,
                CenterMother.NORD, start, start.plus(Duration.ofMinutes(30)), NOW, "c")
                .decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"), new ResourceId("RAD-1"))), NOW);
        return booked.requestCenterCancellation(NOW).cancel(NOW);
    }

    private static Patient patient(String language) {
        return new Patient(PatientId.random(), new EmailAddress("maria@example.org"), "$x", "Maria", "Rossi",
                new PhoneNumber("+393471234567"), new TaxCode("RSSMRA85T10A562S"), LocalDate.of(1985, 12, 10),
                language, NOW);
    }

    @Test
    void theFiveNearestFreeTimesAreOfferedNearestFirstSkippingTakenOnes() {
        Reservation lost = cancelledByTheCenter(at(10, 0));
        LocalDate tuesday = MONDAY.plusDays(1);
        // the one radiographer is taken on Tuesday at 08:30 (08:25–09:10 with the buffers): no start overlapping it
        ledger.claim(ReservationId.random(), Occupancy.of(center.examType(CenterMother.MRI).orElseThrow(),
                at(tuesday, 8, 30)).cells(new ResourceId("RAD-1")));

        var nearest = rebooking.nearest(center, lost, NOW);

        // the Monday is closed: the Tuesday morning's free starts are nearest in time (from 23 h 15 min after);
        // the Saturday before, its last start 40 h 30 min before, is farther
        assertThat(nearest).extracting(slot -> slot.start()).containsExactly(at(tuesday, 9, 15), at(tuesday, 9, 30),
                at(tuesday, 9, 45), at(tuesday, 10, 0), at(tuesday, 10, 15));
        assertThat(rebooking.link(lost)).hasToString("https://booking.example.org/book?exam=MRI-KNEE");
    }

    @Test
    void theMessagesSayWhyAndOfferTheTimesAndTheLinkInThePatientsLanguage() {
        Reservation lost = cancelledByTheCenter(at(10, 0));
        var messages = new OutcomeMessages(center, Optional.of(rebooking), NOW);
        var change = new OutcomeChange(lost, ReservationStatus.CANCELLED);

        Email english = messages.email(change, patient("en"));
        Sms italian = messages.sms(change, patient("it"));

        assertThat(english.subject()).startsWith("Cancelled by the center: MRI of the knee");
        assertThat(english.text()).contains("the center had to cancel", "  - Tuesday, 21 December 2027, 08:15, Nord",
                "https://booking.example.org/book?exam=MRI-KNEE");
        assertThat(english.text().lines().filter(line -> line.startsWith("  - "))).hasSize(5);
        assertThat(italian.text()).contains("il centro ha dovuto disdire", "mar 21 dic 08:15",
                "https://booking.example.org/book?exam=MRI-KNEE");
    }

    @Test
    void aCancellationThePatientAskedForKeepsItsOwnTexts() {
        Reservation booked = Reservation.request(ReservationId.random(), PatientId.random(), CenterMother.MRI,
                CenterMother.NORD, at(10, 0), at(10, 30), NOW, "c")
                .decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"))), NOW);
        var messages = new OutcomeMessages(center, Optional.of(rebooking), NOW);

        Email email = messages.email(new OutcomeChange(booked.requestCancellation(NOW).cancel(NOW),
                ReservationStatus.CANCELLED), patient("en"));

        assertThat(email.subject()).startsWith("Cancelled: ");
        assertThat(email.text()).doesNotContain("book?exam");
    }

    @Test
    void bothChannelsOfOneCancellationOfferTheSameTimesCalculatedOnce() {
        Reservation lost = cancelledByTheCenter(at(10, 0));
        var first = rebooking.nearest(center, lost, NOW);
        // a time taken between the two messages changes nothing: both name the same five
        ledger.claim(ReservationId.random(), Occupancy.of(center.examType(CenterMother.MRI).orElseThrow(),
                first.getFirst().start()).cells(new ResourceId("RAD-1")));

        assertThat(rebooking.nearest(center, lost, NOW)).isSameAs(first);
        assertThat(rebooking.nearest(center, cancelledByTheCenter(at(11, 0)), NOW)).isNotSameAs(first);
    }
}
