package com.medicarewizard.allocator;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.Reservation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What handling a command may read or change that another command's handling may too, as keys: its
 * patient (the active-bookings limit counts the patient's reservations) and every day of its site its
 * occupancy may reach, and for a move also the days of the booking it replaces. Two commands of a
 * batch with no key in common cannot claim, release or count the same thing, so deciding them at once
 * gives what deciding them in arrival order gives; commands sharing a key are decided in arrival order
 * ({@link AllocatorHandler}). The keys only order the work: no double booking depends on them, the
 * conditional writes see to that.
 */
final class Touches {
    /** The key of a command whose reservation could not be read: it waits for all before it, and all after it for it. */
    static final String EVERYTHING = "*";
    /** The widest set-up and turnover a day allows: what an exam gone from the catalog is taken to occupy around it. */
    private static final Duration BUFFERS = Duration.ofHours(2);

    private Touches() {
    }

    /** The keys of a command on {@code reservation} (none for an unknown one: it changes nothing). */
    static Set<String> of(Optional<Reservation> reservation, Center center) {
        Set<String> keys = new HashSet<>();
        reservation.ifPresent(r -> {
            keys.add("patient:" + r.patient().value());
            Duration length = Duration.between(r.start(), r.end());
            days(keys, center, r.site(), occupancy(center, r, r.start(), length));
            r.replaces().ifPresent(replaced -> days(keys, center, replaced.site(),
                    occupancy(center, r, replaced.start(), length)));
        });
        return keys;
    }

    /**
     * What an exam of the reservation's type starting at {@code start} occupies: its set-up and turnover
     * as the catalog says, or, with the type gone from the catalog, the widest buffers a day allows on
     * either side (what the allocator then releases too).
     */
    private static Occupancy occupancy(Center center, Reservation reservation, Instant start, Duration length) {
        return center.examType(reservation.examType()).map(exam -> Occupancy.of(exam, start))
                .orElseGet(() -> new Occupancy(start.minus(BUFFERS), start.plus(length).plus(BUFFERS)));
    }

    /** Every day of the site (in its zone; UTC for a site gone from the catalog) the occupancy reaches. */
    private static void days(Set<String> keys, Center center, SiteId site, Occupancy occupancy) {
        ZoneId zone = center.site(site).map(Site::zone).orElse(ZoneOffset.UTC);
        LocalDate first = occupancy.from().atZone(zone).toLocalDate();
        LocalDate last = occupancy.to().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            keys.add("day:" + site.value() + ":" + day);
        }
    }
}
