package com.medicarewizard.domain.reminder;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reservations whose reminders cross a daylight-saving change, with the instants they are due worked out
 * by hand (not by the code under test): Rome's two changes of 2027 (forward on 28 March, back on
 * 31 October) and New York's spring one (14 March 2027), for the tests of every runtime's scheduler.
 *
 * @param site          where the exam is
 * @param localStart    its start on the site's clock
 * @param start         the same instant in UTC
 * @param due48         48 elapsed hours before
 * @param due2          2 elapsed hours before
 * @param offsetInText  the start's UTC offset as the reminder states it
 */
public record ReminderCases(String name, SiteId site, LocalDateTime localStart, Instant start, Instant due48,
                            Instant due2, String offsetInText) {
    public static final SiteId MIDTOWN = new SiteId("MIDTOWN");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public static List<ReminderCases> all() {
        return List.of(
                // 09:00 CEST on Monday 29 March; 48 h before is 08:00 CET on Saturday 27th
                new ReminderCases("Rome, clocks forward", CenterMother.NORD, LocalDateTime.parse("2027-03-29T09:00"),
                        Instant.parse("2027-03-29T07:00:00Z"), Instant.parse("2027-03-27T07:00:00Z"),
                        Instant.parse("2027-03-29T05:00:00Z"), "UTC+02:00"),
                // 09:00 CET on Monday 1 November; 48 h before is 10:00 CEST on Saturday 30 October
                new ReminderCases("Rome, clocks back", CenterMother.NORD, LocalDateTime.parse("2027-11-01T09:00"),
                        Instant.parse("2027-11-01T08:00:00Z"), Instant.parse("2027-10-30T08:00:00Z"),
                        Instant.parse("2027-11-01T06:00:00Z"), "UTC+01:00"),
                // 04:00 CET on Sunday 31 October: 2 h before is 03:00 CEST, the first of the two 02:00–03:00
                new ReminderCases("Rome, 2 h across the night the clocks go back", CenterMother.NORD,
                        LocalDateTime.parse("2027-10-31T04:00"), Instant.parse("2027-10-31T03:00:00Z"),
                        Instant.parse("2027-10-29T03:00:00Z"), Instant.parse("2027-10-31T01:00:00Z"), "UTC+01:00"),
                // 09:00 EDT on Monday 15 March in New York; 48 h before is 08:00 EST on Saturday 13th
                new ReminderCases("New York, clocks forward", MIDTOWN, LocalDateTime.parse("2027-03-15T09:00"),
                        Instant.parse("2027-03-15T13:00:00Z"), Instant.parse("2027-03-13T13:00:00Z"),
                        Instant.parse("2027-03-15T11:00:00Z"), "UTC-04:00"));
    }

    /** {@link CenterMother#center()} with a second site, in New York. */
    public static Center center() {
        Center base = CenterMother.center();
        List<Site> sites = new ArrayList<>(base.sites());
        sites.add(new Site(MIDTOWN, "Midtown", "5th Avenue 1, New York", NEW_YORK));
        return new Center(sites, base.examTypes(), base.resources(), base.closures(), base.policy());
    }

    @Override
    public String toString() {
        return name;
    }
}
