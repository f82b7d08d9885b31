package com.medicarewizard.allocator;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.Reservation;

import java.time.Duration;
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

    private Touches() {
    }

    /** The keys of a command on {@code reservation} (none for an unknown one: it changes nothing). */
    static Set<String> of(Optional<Reservation> reservation, Center center) {
        Set<String> keys = new HashSet<>();
        reservation.ifPresent(r -> {
            keys.add("patient:" + r.patient().value());
            Duration length = Duration.between(r.start(), r.end());
            var exam = center.examType(r.examType());
            days(keys, center, r.site(), Occupancy.of(exam, r.start(), r.end()));
            r.replaces().ifPresent(replaced -> days(keys, center, replaced.site(),
                    Occupancy.of(exam, replaced.start(), replaced.start().plus(length))));
        });
        return keys;
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
