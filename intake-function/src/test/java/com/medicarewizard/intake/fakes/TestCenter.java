package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test center: two sites in Europe/Rome. ROMA-NORD has an MRI (scanner and radiographer, two
 * kinds), an X-ray room and a 24/7 blood-test nurse; ROMA-SUD two X-ray rooms and an ECG room.
 * ROMA-NORD is closed on {@link #NORD_CLOSED}. CT-HEAD is in the catalogue but no resource does it.
 * Weekdays Mon-Sat 08:00-13:00 and 14:00-20:00; 15-minute grid, 2 h notice, 365 days ahead,
 * at most 31 days per availability question. "Now" is {@link #NOW}, a Monday, 08:00 in Rome.
 */
public final class TestCenter {
    public static final ZoneId ROME = ZoneId.of("Europe/Rome");
    public static final Instant NOW = Instant.parse("2027-03-01T07:00:00Z");
    public static final SiteId NORD = new SiteId("ROMA-NORD");
    public static final SiteId SUD = new SiteId("ROMA-SUD");
    public static final LocalDate NORD_CLOSED = LocalDate.of(2027, 3, 10);
    public static final ExamTypeCode MRI = new ExamTypeCode("MRI-KNEE");
    public static final ExamTypeCode XRAY = new ExamTypeCode("XRAY-CHEST");
    public static final ExamTypeCode BLOOD = new ExamTypeCode("BLOOD-TEST");
    public static final ExamTypeCode ECG = new ExamTypeCode("ECG");
    public static final ExamTypeCode CT = new ExamTypeCode("CT-HEAD");

    private TestCenter() {
    }

    public static Center center() {
        List<Site> sites = List.of(new Site(NORD, "Roma Nord", "Via Salaria 1", ROME),
                new Site(SUD, "Roma Sud", "Via Appia 1", ROME));
        List<ExamType> exams = List.of(
                exam(MRI, "MRI of the knee", 30, 10, 5, "MRI_SCANNER", "MRI_RADIOGRAPHER"),
                exam(XRAY, "Chest X-ray", 15, 0, 5, "XRAY_ROOM"),
                exam(BLOOD, "Blood test", 10, 0, 5, "LAB_NURSE"),
                exam(ECG, "Electrocardiogram", 20, 0, 10, "ECG_ROOM"),
                exam(CT, "CT of the head", 20, 0, 10, "CT_SCANNER"));
        List<Resource> resources = List.of(
                resource("MRI-N1", NORD, "MRI_SCANNER", MRI, weekdays()),
                resource("RAD-N1", NORD, "MRI_RADIOGRAPHER", MRI, weekdays()),
                resource("XR-N1", NORD, "XRAY_ROOM", XRAY, weekdays()),
                resource("LAB-N1", NORD, "LAB_NURSE", BLOOD, allDay()),
                resource("XR-S1", SUD, "XRAY_ROOM", XRAY, weekdays()),
                resource("XR-S2", SUD, "XRAY_ROOM", XRAY, weekdays()),
                resource("ECG-S1", SUD, "ECG_ROOM", ECG, weekdays()));
        var closure = Closure.ofSite(NORD, NORD_CLOSED, NORD_CLOSED, "maintenance");
        var policy = new BookingPolicy(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofDays(365), 31);
        return new Center(sites, exams, resources, List.of(closure), policy);
    }

    private static ExamType exam(ExamTypeCode code, String name, int minutes, int setUp, int turnover, String... kinds) {
        return new ExamType(code, name, Duration.ofMinutes(minutes), "No preparation needed.",
                Duration.ofMinutes(setUp), Duration.ofMinutes(turnover),
                Set.of(kinds).stream().map(ResourceKind::new).collect(java.util.stream.Collectors.toSet()));
    }

    private static Resource resource(String id, SiteId site, String kind, ExamTypeCode exam, OpeningHours hours) {
        return new Resource(new ResourceId(id), site, id, new ResourceKind(kind), Set.of(exam), hours);
    }

    private static OpeningHours weekdays() {
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(new OpeningHours.Period(LocalTime.of(8, 0), LocalTime.of(13, 0)),
                        new OpeningHours.Period(LocalTime.of(14, 0), LocalTime.of(20, 0))));
            }
        }
        return new OpeningHours(week);
    }

    private static OpeningHours allDay() {
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpeningHours.Period(LocalTime.MIDNIGHT, LocalTime.MAX)));
        }
        return new OpeningHours(week);
    }
}
