package com.medicarewizard.intake.desk;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.intake.http.Times;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.DeskMarks;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/desk/schedule?site=&date=}: a site's day (its own zone's), per resource, the CONFIRMED
 * bookings in order of start, with the patient's name and masked contact data, the desk's booking mark and
 * the attendance. Read from the ledger's claims on the site's resources for that day and the reservations
 * they name (no scan of the table), then their patients and marks.
 */
public record DaySchedule(CenterCatalog catalog, SlotLedger ledger, Reservations reservations, Patients patients,
                          DeskMarks marks) implements StaffRoute {

    @Override
    public Response handle(Request request, com.medicarewizard.domain.staff.StaffMember caller) {
        Center center = catalog.current();
        Site site = site(request, center);
        LocalDate date = date(request);
        ZoneId zone = site.zone();
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Resource> resources = center.resources().stream().filter(r -> r.site().equals(site.id())).toList();
        Map<ResourceId, Set<ReservationId>> held = new HashMap<>();
        if (!resources.isEmpty()) {
            ledger.holders(resources.stream().map(Resource::id).toList(), from, to).forEach((Cell cell, ReservationId id) ->
                    held.computeIfAbsent(cell.resource(), r -> new LinkedHashSet<>()).add(id));
        }
        Map<ReservationId, Reservation> booked = confirmed(held.values().stream().flatMap(Set::stream).distinct()
                .toList(), from, to);
        Map<PatientId, Patient> people = patients.findAll(booked.values().stream().map(Reservation::patient).toList());
        Map<ReservationId, DeskMark> found = DeskReservations.marksOf(marks, List.copyOf(booked.keySet()));
        List<ResourceDay> days = resources.stream().map(resource -> new ResourceDay(resource.id().value(),
                resource.name(), resource.kind().code(), held.getOrDefault(resource.id(), Set.of()).stream()
                .map(booked::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Reservation::start))
                .map(r -> Booking.of(r, Optional.ofNullable(people.get(r.patient())), Optional.ofNullable(found.get(r.id())), zone))
                .toList())).toList();
        return Response.json(200, new Schedule(site.id().value(), date.toString(), zone.getId(), days)).noStore();
    }

    /** Those of the reservations CONFIRMED and starting within the day, read at most a batch at a time. */
    private Map<ReservationId, Reservation> confirmed(List<ReservationId> ids, Instant from, Instant to) {
        Map<ReservationId, Reservation> confirmed = new HashMap<>();
        for (int at = 0; at < ids.size(); at += Reservations.MAX_FIND_ALL) {
            reservations.findAll(ids.subList(at, Math.min(ids.size(), at + Reservations.MAX_FIND_ALL))).stream()
                    .flatMap(Optional::stream)
                    .filter(r -> r.status() == ReservationStatus.CONFIRMED && !r.start().isBefore(from)
                            && r.start().isBefore(to))
                    .forEach(r -> confirmed.put(r.id(), r));
        }
        return confirmed;
    }

    private static Site site(Request request, Center center) {
        String id = request.query("site").map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> Problems.validation("site", "is required").raise());
        Optional<Site> site;
        try {
            site = center.site(new SiteId(id));
        } catch (IllegalArgumentException notAnId) {
            site = Optional.empty();
        }
        return site.orElseThrow(() -> Problems.validation("site", "must be one of the center's sites").raise());
    }

    private static LocalDate date(Request request) {
        return request.query("date").flatMap(Times::parseDate)
                .orElseThrow(() -> Problems.validation("date", "must be a date YYYY-MM-DD").raise());
    }

    /** The day of one site. */
    public record Schedule(String site, String date, String zone, List<ResourceDay> resources) {
    }

    /** One resource's CONFIRMED bookings of the day, in order of start. */
    public record ResourceDay(String id, String name, String kind, List<Booking> bookings) {
    }

    /** One booking as the desk's schedule shows it. */
    public record Booking(String id, String examType, String start, String end,
                         Optional<DeskBodies.MaskedPatient> patient, Optional<DeskBodies.ActBody> bookedBy,
                         Optional<String> attendance) {
        static Booking of(Reservation r, Optional<Patient> patient, Optional<DeskMark> mark, ZoneId zone) {
            return new Booking(r.id().value(), r.examType().value(), Times.iso(r.start(), zone),
                    Times.iso(r.end(), zone), patient.map(DeskBodies.MaskedPatient::of),
                    DeskBodies.ActBody.of(mark.flatMap(DeskMark::booked), zone),
                    mark.flatMap(DeskMark::attendance).map(Attendance::name));
        }
    }
}
