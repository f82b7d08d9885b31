package com.medicarewizard.domain;

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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small center for tests: one site in Europe/Rome, an MRI needing scanner + radiographer, an ECG. */
public final class CenterMother {
    public static final ZoneId ROME = ZoneId.of("Europe/Rome");
    public static final SiteId NORD = new SiteId("NORD");
    public static final ResourceKind MRI_SCANNER = new ResourceKind("MRI_SCANNER");
    public static final ResourceKind RADIOGRAPHER = new ResourceKind("RADIOGRAPHER");
    public static final ResourceKind ECG_ROOM = new ResourceKind("ECG_ROOM");
    public static final ExamTypeCode MRI = new ExamTypeCode("MRI-KNEE");
    public static final ExamTypeCode ECG = new ExamTypeCode("ECG");
    /** Christmas day is a holiday closure. */
    public static final LocalDate HOLIDAY = LocalDate.of(2027, 12, 25);

    private CenterMother() {
    }

    public static Center center() {
        return center(BookingPolicy.standard());
    }

    public static Center center(BookingPolicy policy) {
        Site nord = new Site(NORD, "Nord", "Via Roma 1, Milano", ROME);
        // the MRI also in Italian, as the center writes it; the ECG in English only
        ExamType mri = new ExamType(MRI, "MRI of the knee", Duration.ofMinutes(30), "Remove metal objects.",
                Duration.ofMinutes(5), Duration.ofMinutes(10), Set.of(MRI_SCANNER, RADIOGRAPHER),
                java.util.Map.of("it", new ExamType.Texts("Risonanza magnetica del ginocchio", "Togli gli oggetti metallici.")));
        ExamType ecg = new ExamType(ECG, "Electrocardiogram", Duration.ofMinutes(15), "None.",
                Duration.ZERO, Duration.ofMinutes(5), Set.of(ECG_ROOM));
        OpeningHours hours = weekdays(LocalTime.of(8, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(18, 0));
        OpeningHours allDay = everyDay(LocalTime.MIDNIGHT, LocalTime.MAX);
        return new Center(List.of(nord), List.of(mri, ecg), List.of(
                new Resource(new ResourceId("MRI-1"), NORD, "MRI 1", MRI_SCANNER, Set.of(MRI), hours),
                new Resource(new ResourceId("MRI-2"), NORD, "MRI 2", MRI_SCANNER, Set.of(MRI), hours),
                new Resource(new ResourceId("RAD-1"), NORD, "Radiographer A", RADIOGRAPHER, Set.of(MRI), hours),
                new Resource(new ResourceId("ECG-1"), NORD, "ECG room", ECG_ROOM, Set.of(ECG), allDay)),
                List.of(Closure.ofSite(NORD, HOLIDAY, HOLIDAY, "Christmas")), policy);
    }

    public static OpeningHours weekdays(LocalTime morningFrom, LocalTime morningTo, LocalTime afternoonFrom,
                                        LocalTime afternoonTo) {
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(new OpeningHours.Period(morningFrom, morningTo),
                        new OpeningHours.Period(afternoonFrom, afternoonTo)));
            }
        }
        return new OpeningHours(week);
    }

    public static OpeningHours everyDay(LocalTime from, LocalTime to) {
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpeningHours.Period(from, to)));
        }
        return new OpeningHours(week);
    }
}
