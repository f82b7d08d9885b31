package com.medicarewizard.notifier;

import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Slot;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.TakenCellsView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a patient whose booking the center cancelled is offered instead: the {@value #NEAREST} free times of
 * the same exam nearest to the one lost (at any site that offers it, from now to {@value #DAYS_AFTER} days
 * after it), and a link to the booking page at that exam.
 */
public final class Rebooking {
    static final int NEAREST = 5;
    static final int DAYS_AFTER = 14;
    private final TakenCellsView taken;
    private final Supplier<URI> site;
    /**
     * The last answer and the reservation it was for: the e-mail and the text message of one cancellation ask
     * one after the other, and each answer is an availability calculation over a fortnight of several sites.
     */
    private volatile Map.Entry<ReservationId, List<Slot>> last;

    /** @param site the website's address, which the link points to (known once the website is up) */
    public Rebooking(TakenCellsView taken, Supplier<URI> site) {
        this.taken = Objects.requireNonNull(taken, "taken");
        this.site = Objects.requireNonNull(site, "site");
    }

    /** The free times nearest to {@code lost}'s start, nearest first (the same answer for its other channel). */
    public List<Slot> nearest(Center center, Reservation lost, Instant now) {
        Map.Entry<ReservationId, List<Slot>> kept = last;
        if (kept != null && kept.getKey().equals(lost.id())) {
            return kept.getValue();
        }
        List<Slot> nearest = calculated(center, lost, now);
        last = Map.entry(lost.id(), nearest);
        return nearest;
    }

    private List<Slot> calculated(Center center, Reservation lost, Instant now) {
        Optional<ExamType> exam = center.examType(lost.examType());
        if (exam.isEmpty()) {
            return List.of();
        }
        List<Site> sites = center.sitesOffering(exam.get());
        if (sites.isEmpty()) {
            return List.of();
        }
        LocalDate from = LocalDate.ofInstant(now, sites.getFirst().zone()).minusDays(1);
        LocalDate to = LocalDate.ofInstant(lost.start(), sites.getFirst().zone()).plusDays(DAYS_AFTER);
        Set<ResourceId> resources = new LinkedHashSet<>();
        sites.forEach(s -> exam.get().needs().forEach(kind -> center.candidates(exam.get(), s.id(), kind).stream()
                .map(Resource::id).forEach(resources::add)));
        Instant fromInstant = from.atStartOfDay(sites.getFirst().zone()).toInstant().minus(Duration.ofDays(1));
        Instant toInstant = to.plusDays(2).atStartOfDay(sites.getFirst().zone()).toInstant();
        List<Slot> slots = new AvailabilityCalculator(BookingRules.of(center)).compute(exam.get(), sites, from, to, now,
                taken.taken(resources, fromInstant, toInstant));
        return slots.stream().filter(slot -> slot.available() > 0)
                .sorted(Comparator.comparing((Slot slot) -> Duration.between(lost.start(), slot.start()).abs())
                        .thenComparing(Slot::start))
                .limit(NEAREST).toList();
    }

    /** My bookings, at the offer from the waitlist: where the patient accepts or declines it. */
    public URI offerLink(Reservation offer) {
        String base = site.get().toString().replaceAll("/+$", "");
        return URI.create(base + "/bookings?offer=" + offer.id().value());
    }

    /** The booking page at the lost booking's exam. */
    public URI link(Reservation lost) {
        String base = site.get().toString().replaceAll("/+$", "");
        return URI.create(base + "/book?exam=" + URLEncoder.encode(lost.examType().value(), StandardCharsets.UTF_8));
    }
}
