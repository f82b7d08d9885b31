package com.medicarewizard.domain.center;

import static com.medicarewizard.domain.CenterMother.MRI;
import static com.medicarewizard.domain.CenterMother.NORD;
import static com.medicarewizard.domain.CenterMother.ROME;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StrandingTest {
    private static final Instant NOW = Instant.parse("2027-12-13T08:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2027, 12, 20);
    private static final ResourceId MRI_1 = new ResourceId("MRI-1");
    private static final ResourceId RAD_1 = new ResourceId("RAD-1");
    private final Center center = CenterMother.center();

    private static Instant at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(ROME).toInstant();
    }

    private Reservation booked(Instant start) {
        Reservation request = Reservation.request(ReservationId.random(), PatientId.random(), MRI, NORD, start,
                start.plus(Duration.ofMinutes(30)), NOW, "c");
        return request.decide(new Decision.Confirmed(List.of(MRI_1, RAD_1)), NOW);
    }

    private Center with(List<Closure> closures, List<Resource> resources) {
        return new Center(center.sites(), center.examTypes(), resources, closures, center.policy());
    }

    private Center closed(LocalDate day, java.util.Optional<ResourceId> resource) {
        List<Closure> closures = new ArrayList<>(center.closures());
        closures.add(new Closure(NORD, resource, day, day, "works"));
        return with(closures, center.resources());
    }

    @Test
    void aClosureOfTheSiteOrOfOneOfItsResourcesStrandsTheBookingsOfThatDayAlone() {
        Reservation monday = booked(at(MONDAY, 10));
        Reservation tuesday = booked(at(MONDAY.plusDays(1), 10));

        assertThat(new Stranding(closed(MONDAY, java.util.Optional.empty())).strands(monday, NOW)).isTrue();
        assertThat(new Stranding(closed(MONDAY, java.util.Optional.empty())).strands(tuesday, NOW)).isFalse();
        assertThat(new Stranding(closed(MONDAY, java.util.Optional.of(RAD_1))).strands(monday, NOW)).isTrue();
        assertThat(new Stranding(closed(MONDAY, java.util.Optional.of(new ResourceId("MRI-2")))).strands(monday, NOW))
                .isFalse();
    }

    @Test
    void shorterHoursOrAResourceGoneStrandTheBookingsTheyNoLongerHold() {
        Reservation morning = booked(at(MONDAY, 10));
        Reservation afternoon = booked(at(MONDAY, 15));
        List<Resource> mornings = center.resources().stream().map(r -> r.id().equals(MRI_1)
                ? new Resource(r.id(), r.site(), r.name(), r.kind(), r.performs(),
                CenterMother.everyDay(LocalTime.of(8, 0), LocalTime.of(13, 0))) : r).toList();
        List<Resource> withoutMri1 = center.resources().stream().filter(r -> !r.id().equals(MRI_1)).toList();

        Stranding shorter = new Stranding(with(center.closures(), mornings));
        assertThat(shorter.strands(morning, NOW)).isFalse();
        assertThat(shorter.strands(afternoon, NOW)).isTrue();
        assertThat(new Stranding(with(center.closures(), withoutMri1)).strands(morning, NOW)).isTrue();
        assertThat(Stranding.affected(center, with(center.closures(), withoutMri1))).containsExactly(MRI_1);
        assertThat(Stranding.affected(center, with(center.closures(), mornings))).containsExactly(MRI_1);
    }

    @Test
    void onlyBookedReservationsYetToStartAndNotBeingCancelledAreStranded() {
        Center closedMonday = closed(MONDAY, java.util.Optional.empty());
        Reservation booked = booked(at(MONDAY, 10));
        Reservation pending = Reservation.request(ReservationId.random(), PatientId.random(), MRI, NORD,
                at(MONDAY, 10), at(MONDAY, 10).plus(Duration.ofMinutes(30)), NOW, "c");

        assertThat(new Stranding(closedMonday).strands(pending, NOW)).isFalse();
        assertThat(new Stranding(closedMonday).strands(booked.requestCancellation(NOW), NOW)).isFalse();
        assertThat(new Stranding(closedMonday).strands(booked, at(MONDAY, 11))).isFalse();
        assertThat(new Stranding(closedMonday).strands(booked, NOW)).isTrue();
    }

    @Test
    void longerBuffersOrANewKindNeededApplyOnlyToTheRequestsDecidedAfter() {
        ExamType mri = center.examType(MRI).orElseThrow();
        ExamType longer = new ExamType(MRI, mri.name(), Duration.ofMinutes(60), mri.preparation(), Duration.ofMinutes(30),
                Duration.ofMinutes(30), Set.of(CenterMother.MRI_SCANNER), mri.translations());
        List<ExamType> exams = center.examTypes().stream().map(e -> e.code().equals(MRI) ? longer : e).toList();
        Center next = new Center(center.sites(), exams, center.resources(), center.closures(), center.policy());

        assertThat(new Stranding(next).strands(booked(at(MONDAY, 8)), NOW)).isFalse();
        assertThat(Stranding.affected(center, center)).isEmpty();
    }
}
