package com.medicarewizard.domain.center;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Days on which a whole site, or one resource of it, takes no bookings (a holiday, maintenance),
 * from {@code first} to {@code last} inclusive, in the site's local calendar.
 */
public record Closure(SiteId site, Optional<ResourceId> resource, LocalDate first, LocalDate last, String reason) {
    public Closure {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(reason, "reason");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a closure ends on or after its first day");
        }
    }

    public static Closure ofSite(SiteId site, LocalDate first, LocalDate last, String reason) {
        return new Closure(site, Optional.empty(), first, last, reason);
    }

    public boolean closes(Resource r, LocalDate day) {
        return r.site().equals(site) && resource.map(r.id()::equals).orElse(true)
                && !day.isBefore(first) && !day.isAfter(last);
    }
}
