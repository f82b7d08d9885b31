package com.medicarewizard.domain.center;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A site is open when at least one of its resources is: what the patient reads as its opening hours. */
class SiteHoursTest {
    private static final SiteId HERE = new SiteId("HERE");
    private static final SiteId THERE = new SiteId("THERE");
    private static final ExamTypeCode ECG = new ExamTypeCode("ECG");
    private static final ResourceKind ROOM = new ResourceKind("ECG_ROOM");

    private static OpeningHours.Period at(int from, int to) {
        return new OpeningHours.Period(LocalTime.of(from, 0), to == 24 ? LocalTime.MAX : LocalTime.of(to, 0));
    }

    private static Resource room(String id, SiteId site, Map<DayOfWeek, List<OpeningHours.Period>> week) {
        return new Resource(new ResourceId(id), site, id, ROOM, Set.of(ECG), new OpeningHours(week));
    }

    @Test
    void overlappingAndTouchingPeriodsAreJoinedAndGapsKept() {
        Center center = new Center(
                List.of(new Site(HERE, "Here", "Via Roma 1", ZoneId.of("Europe/Rome")),
                        new Site(THERE, "There", "Via Milano 2", ZoneId.of("Europe/Rome"))),
                List.of(new ExamType(ECG, "ECG", Duration.ofMinutes(15), "None.", Duration.ZERO, Duration.ZERO, Set.of(ROOM))),
                List.of(room("A", HERE, Map.of(DayOfWeek.MONDAY, List.of(at(8, 13), at(14, 18)))),
                        room("B", HERE, Map.of(DayOfWeek.MONDAY, List.of(at(12, 14), at(19, 20)),
                                DayOfWeek.SATURDAY, List.of(at(9, 12)))),
                        room("C", THERE, Map.of(DayOfWeek.SUNDAY, List.of(at(0, 24))))),
                List.of(), CenterMother.center().policy());

        OpeningHours here = center.siteHours(HERE);

        assertThat(here.on(DayOfWeek.MONDAY)).containsExactly(at(8, 18), at(19, 20));
        assertThat(here.on(DayOfWeek.SATURDAY)).containsExactly(at(9, 12));
        assertThat(here.on(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(center.siteHours(THERE).on(DayOfWeek.SUNDAY)).containsExactly(at(0, 24));
        assertThat(center.siteHours(THERE).on(DayOfWeek.MONDAY)).isEmpty();
    }
}
