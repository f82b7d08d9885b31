package com.medicarewizard.domain.center;

import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which booked patients a change of the center strands: a CONFIRMED reservation yet to start, whose
 * cancellation nobody asked for, that the changed center can no longer hold — its exam type or site gone,
 * one of its resources gone, moved to another site or no longer doing the exam, or closed (a closure,
 * or hours that no longer cover it) for any part of the exam itself. The buffers around the exam, and a
 * longer duration or another set of resource kinds the exam needs from now on, apply to the requests decided
 * after the change: they strand no one already booked.
 */
public final class Stranding {
    private final Center next;
    private final BookingRules rules;

    public Stranding(Center next) {
        this.next = Objects.requireNonNull(next, "next");
        this.rules = new BookingRules(next);
    }

    /** True when {@code reservation} is booked and yet to start at {@code now} but {@code next} cannot hold it. */
    public boolean strands(Reservation reservation, Instant now) {
        return reservation.status() == ReservationStatus.CONFIRMED && reservation.cancelRequestedAt().isEmpty()
                && reservation.start().isAfter(now) && !holds(reservation);
    }

    private boolean holds(Reservation reservation) {
        Optional<ExamType> exam = next.examType(reservation.examType());
        Optional<Site> site = next.site(reservation.site());
        if (exam.isEmpty() || site.isEmpty()) {
            return false;
        }
        Occupancy appointment = new Occupancy(reservation.start(), reservation.end());
        return reservation.resources().stream().allMatch(id -> next.resource(id)
                .filter(r -> r.site().equals(site.get().id()) && r.performs().contains(exam.get().code()))
                .filter(r -> rules.isOpen(r, site.get(), appointment))
                .isPresent());
    }

    /**
     * The resources of {@code before} whose bookings {@code next} may strand: those gone or changed, those
     * at a site that changed or has a new closure, those a new closure names, and those able to do an exam
     * type that is gone or that they can no longer do. Only their bookings need reading.
     */
    public static Set<ResourceId> affected(Center before, Center next) {
        Set<ResourceId> affected = new LinkedHashSet<>();
        Set<Closure> newClosures = new LinkedHashSet<>(next.closures());
        newClosures.removeAll(before.closures());
        for (Resource resource : before.resources()) {
            Optional<Resource> now = next.resource(resource.id());
            boolean siteChanged = !before.site(resource.site()).equals(next.site(resource.site()));
            boolean closed = newClosures.stream().anyMatch(c -> c.site().equals(resource.site())
                    && c.resource().map(resource.id()::equals).orElse(true));
            boolean examGone = resource.performs().stream().anyMatch(code -> !before.examType(code)
                    .equals(next.examType(code)));
            if (now.isEmpty() || !now.get().equals(resource) || siteChanged || closed || examGone) {
                affected.add(resource.id());
            }
        }
        return affected;
    }
}
