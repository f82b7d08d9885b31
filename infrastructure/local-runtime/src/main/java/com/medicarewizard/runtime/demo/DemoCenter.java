package com.medicarewizard.runtime.demo;

import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.OpeningHours.Period;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo center the embedded runtime seeds on first start: two sites in Rome, eight exam types,
 * machines, rooms and staff, Monday-to-Saturday hours with a lunch break, and the Italian public
 * holidays as closures. Configuration data, kept out of the domain.
 */
public final class DemoCenter {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final SiteId NORD = new SiteId("ROMA-NORD");
    private static final SiteId EUR = new SiteId("ROMA-EUR");

    private DemoCenter() {
    }

    public static Center create(LocalDate today) {
        List<Site> sites = List.of(
                new Site(NORD, "MediCare Roma Nord", "Via Flaminia 120, 00196 Roma", ROME),
                new Site(EUR, "MediCare Roma EUR", "Viale Europa 46, 00144 Roma", ROME));
        return new Center(sites, examTypes(), resources(), holidays(today), BookingPolicy.standard());
    }

    private static List<ExamType> examTypes() {
        return List.of(
                exam("MRI-KNEE", "MRI of the knee", 30, 5, 10, "Remove all metal objects. Tell us about pacemakers or implants.", "MRI_SCANNER", "RADIOGRAPHER"),
                exam("CT-HEAD-CONTRAST", "CT of the head with contrast", 30, 10, 10, "Fast for 4 hours. Bring a creatinine test from the last 3 months.", "CT_SCANNER", "RADIOGRAPHER"),
                exam("XRAY-CHEST", "Chest X-ray", 10, 0, 5, "No preparation needed. Remove jewellery from neck and chest.", "XRAY_ROOM", "RADIOGRAPHER"),
                exam("US-ABDOMEN", "Abdominal ultrasound", 30, 0, 5, "Fast for 6 hours; drink a litre of water an hour before.", "ULTRASOUND_ROOM", "SONOGRAPHER"),
                exam("ECG", "Electrocardiogram", 15, 0, 5, "No preparation needed.", "ECG_ROOM"),
                exam("BLOOD-TEST", "Blood test", 10, 0, 0, "Fast for 8 to 12 hours; water is fine.", "PHLEBOTOMIST"),
                exam("MAMMOGRAPHY", "Mammography", 20, 0, 10, "Do not use deodorant or talc on the day.", "MAMMOGRAPH", "RADIOGRAPHER"),
                exam("DEXA", "Bone density scan (DEXA)", 20, 0, 5, "No calcium supplements for 24 hours before.", "DEXA_SCANNER", "RADIOGRAPHER"));
    }

    /** The exam types' names and preparation in Italian, as the center writes them (the patient's messages use them). */
    private static final Map<String, ExamType.Texts> ITALIAN = Map.ofEntries(
            Map.entry("MRI-KNEE", new ExamType.Texts("Risonanza magnetica del ginocchio",
                    "Rimuovi tutti gli oggetti metallici. Segnalaci pacemaker o protesi.")),
            Map.entry("CT-HEAD-CONTRAST", new ExamType.Texts("TC del cranio con contrasto",
                    "Digiuno da 4 ore. Porta un esame della creatinina degli ultimi 3 mesi.")),
            Map.entry("XRAY-CHEST", new ExamType.Texts("Radiografia del torace",
                    "Nessuna preparazione. Togli i gioielli da collo e torace.")),
            Map.entry("US-ABDOMEN", new ExamType.Texts("Ecografia dell’addome",
                    "Digiuno da 6 ore; bevi un litro d’acqua un’ora prima.")),
            Map.entry("ECG", new ExamType.Texts("Elettrocardiogramma",
                    "Nessuna preparazione.")),
            Map.entry("BLOOD-TEST", new ExamType.Texts("Prelievo del sangue",
                    "Digiuno da 8 a 12 ore; l’acqua è consentita.")),
            Map.entry("MAMMOGRAPHY", new ExamType.Texts("Mammografia",
                    "Non usare deodorante o talco il giorno dell’esame.")),
            Map.entry("DEXA", new ExamType.Texts("Densitometria ossea (DEXA)",
                    "Niente integratori di calcio nelle 24 ore precedenti.")));

    private static ExamType exam(String code, String name, int minutes, int setUp, int turnover, String preparation,
                                 String... kinds) {
        return new ExamType(new ExamTypeCode(code), name, Duration.ofMinutes(minutes), preparation,
                Duration.ofMinutes(setUp), Duration.ofMinutes(turnover),
                Arrays.stream(kinds).map(ResourceKind::new).collect(Collectors.toSet()),
                ITALIAN.containsKey(code) ? Map.of("it", ITALIAN.get(code)) : Map.of());
    }

    private static List<Resource> resources() {
        OpeningHours day = weekly(List.of(period(7, 30, 13, 0), period(14, 0, 19, 0)), List.of(period(8, 0, 13, 0)));
        OpeningHours mornings = weekly(List.of(period(7, 0, 11, 0)), List.of(period(7, 30, 10, 30)));
        return List.of(
                resource("NORD-MRI-1", NORD, "MRI scanner 1.5T", "MRI_SCANNER", day, "MRI-KNEE"),
                resource("NORD-CT-1", NORD, "CT scanner", "CT_SCANNER", day, "CT-HEAD-CONTRAST"),
                resource("NORD-XR-1", NORD, "X-ray room 1", "XRAY_ROOM", day, "XRAY-CHEST"),
                resource("NORD-US-1", NORD, "Ultrasound room 1", "ULTRASOUND_ROOM", day, "US-ABDOMEN"),
                resource("NORD-ECG-1", NORD, "ECG room", "ECG_ROOM", day, "ECG"),
                resource("NORD-RAD-1", NORD, "Radiographer Giulia Bianchi", "RADIOGRAPHER", day, "MRI-KNEE", "CT-HEAD-CONTRAST", "XRAY-CHEST"),
                resource("NORD-RAD-2", NORD, "Radiographer Marco Ferri", "RADIOGRAPHER", day, "CT-HEAD-CONTRAST", "XRAY-CHEST"),
                resource("NORD-SONO-1", NORD, "Sonographer Elena Conti", "SONOGRAPHER", day, "US-ABDOMEN"),
                resource("NORD-PHL-1", NORD, "Phlebotomist Luca Greco", "PHLEBOTOMIST", mornings, "BLOOD-TEST"),
                resource("NORD-PHL-2", NORD, "Phlebotomist Sara Villa", "PHLEBOTOMIST", mornings, "BLOOD-TEST"),
                resource("EUR-MRI-1", EUR, "MRI scanner 3T", "MRI_SCANNER", day, "MRI-KNEE"),
                resource("EUR-MAMMO-1", EUR, "Mammograph", "MAMMOGRAPH", day, "MAMMOGRAPHY"),
                resource("EUR-DEXA-1", EUR, "DEXA scanner", "DEXA_SCANNER", day, "DEXA"),
                resource("EUR-XR-1", EUR, "X-ray room", "XRAY_ROOM", day, "XRAY-CHEST"),
                resource("EUR-RAD-1", EUR, "Radiographer Paolo Neri", "RADIOGRAPHER", day, "MRI-KNEE", "MAMMOGRAPHY", "DEXA", "XRAY-CHEST"),
                resource("EUR-RAD-2", EUR, "Radiographer Chiara Riva", "RADIOGRAPHER", day, "MAMMOGRAPHY", "DEXA", "XRAY-CHEST"),
                resource("EUR-ECG-1", EUR, "ECG room", "ECG_ROOM", day, "ECG"),
                resource("EUR-PHL-1", EUR, "Phlebotomist Anna Gallo", "PHLEBOTOMIST", mornings, "BLOOD-TEST"));
    }

    private static Resource resource(String id, SiteId site, String name, String kind, OpeningHours hours,
                                     String... exams) {
        return new Resource(new ResourceId(id), site, name, new ResourceKind(kind),
                Arrays.stream(exams).map(ExamTypeCode::new).collect(Collectors.toSet()), hours);
    }

    private static Period period(int fromHour, int fromMinute, int toHour, int toMinute) {
        return new Period(LocalTime.of(fromHour, fromMinute), LocalTime.of(toHour, toMinute));
    }

    private static OpeningHours weekly(List<Period> weekday, List<Period> saturday) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(d, weekday);
        }
        week.put(DayOfWeek.SATURDAY, saturday);
        return new OpeningHours(week);
    }

    /** Italy's fixed-date public holidays for this year and the next two, at both sites. */
    private static List<Closure> holidays(LocalDate today) {
        List<MonthDay> fixed = List.of(MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(4, 25), MonthDay.of(5, 1),
                MonthDay.of(6, 2), MonthDay.of(6, 29), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(12, 8),
                MonthDay.of(12, 25), MonthDay.of(12, 26));
        List<Closure> closures = new ArrayList<>();
        for (int year = today.getYear(); year <= today.getYear() + 2; year++) {
            for (MonthDay md : fixed) {
                LocalDate date = md.atYear(year);
                for (SiteId site : List.of(NORD, EUR)) {
                    closures.add(Closure.ofSite(site, date, date, "Public holiday"));
                }
            }
        }
        return closures;
    }
}
