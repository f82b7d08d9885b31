package com.medicarewizard.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

class CalendarInviteTest {
    private final Site site = CenterMother.center().sites().getFirst();
    private final ExamType exam = CenterMother.center().examTypes().getFirst();

    @Test
    void aConfirmedReservationBecomesOneEventInTheSitesZoneWithItsTimeZoneDefinition() throws Exception {
        // 2027-03-28 is the spring-forward day in Rome: 09:15 local is 07:15Z (CEST, +02:00)
        Reservation r = confirmedAt(Instant.parse("2027-03-28T07:15:00Z"));
        Calendar calendar = parse(CalendarInvite.of(r, exam, site, "MRI of the knee", "Remove metal objects."));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        DtStart<Temporal> start = event.getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Rome");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(r.start());
        assertThat(ZonedDateTime.from(start.getDate()).toLocalTime()).hasToString("09:15");
        assertThat(calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow()
                .getProperty("TZID").orElseThrow().getValue()).isEqualTo("Europe/Rome");
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).contains(site.address());
        assertThat(event.getProperty("UID").orElseThrow().getValue()).startsWith(r.id().value());
        calendar.validate();
    }

    @Test
    void theSameReservationAlwaysGivesTheSameFile() {
        Reservation r = confirmedAt(Instant.parse("2027-10-31T08:00:00Z"));
        assertThat(CalendarInvite.of(r, exam, site, "x", "y")).isEqualTo(CalendarInvite.of(r, exam, site, "x", "y"));
    }

    @Test
    void aLongItalianPreparationIsFoldedIntoShortLinesAndReadBackWhole() throws Exception {
        String sentence = "Digiuno da almeno 8 ore prima dell'esame; è necessario rimuovere oggetti metallici,"
                + " così come piercing, orologi e apparecchi acustici. Portare l'impegnativa del medico, la tessera"
                + " sanitaria e gli esami precedenti. Più di settantacinque caratteri, città, perché, né, sì.";
        String preparation = (sentence + " ").repeat(4).strip();
        Reservation r = confirmedAt(Instant.parse("2027-10-31T08:00:00Z"));

        String ics = CalendarInvite.of(r, exam, site, "Risonanza magnetica del ginocchio", preparation);

        assertThat(ics.split("\r\n")).allSatisfy(line -> {
            assertThat(line.length()).as("characters of: " + line).isLessThanOrEqualTo(75);
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(998);
        });
        VEvent event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).isEqualTo(preparation);
    }

    private static Reservation confirmedAt(Instant start) {
        Reservation pending = ReservationMother.pending(PatientId.random(), start, start.minusSeconds(86_400));
        return ReservationMother.confirmed(pending, start.minusSeconds(86_000));
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
