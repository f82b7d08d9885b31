package com.medicarewizard.domain.notification;

import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.Reservation;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The RFC 5545 calendar file of a confirmed reservation: one VEVENT in the site's time zone
 * (with its VTIMEZONE, so calendars show the right local time on both sides of a daylight-saving
 * change), the exam, the site's address and the preparation. The same file is attached to the
 * confirmation e-mail and served to the patient by the API. Built with ical4j; its time zone
 * definitions come from its jar (never fetched: see {@code ical4j.properties}). Written by ical4j's
 * outputter, which folds long lines as RFC 5545 asks (at 73 characters, never inside a character):
 * a preparation text is one long DESCRIPTION line otherwise, longer than mail may carry unencoded.
 */
public final class CalendarInvite {
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
    public static final String FILE_NAME = "reservation.ics";
    private static final String PRODUCT = "-//MediCareWizard//Reservations 1.0//EN";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarInvite() {
    }

    /**
     * @param summary the event's title as the patient reads it (in their language)
     * @param description the preparation text (and anything else the patient should know)
     */
    public static String of(Reservation reservation, ExamType exam, Site site, String summary, String description) {
        Objects.requireNonNull(exam, "exam");
        TimeZone zone = ZONES.getTimeZone(site.zone().getId());
        if (zone == null) {
            throw new IllegalArgumentException("no VTIMEZONE definition for " + site.zone());
        }
        ZonedDateTime start = reservation.start().atZone(site.zone());
        ZonedDateTime end = reservation.end().atZone(site.zone());
        VEvent event = new VEvent(start, end, summary);
        event.replace(new DtStamp(reservation.decidedAt().orElse(reservation.requestedAt())));
        event.add(new Uid(reservation.id().value() + "@medicarewizard"));
        event.add(new Location(site.name() + ", " + site.address()));
        event.add(new Description(description));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(zone.getVTimeZone());
        calendar.add(event);
        StringWriter file = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, file);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return file.toString();
    }
}
