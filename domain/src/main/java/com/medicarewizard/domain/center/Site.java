package com.medicarewizard.domain.center;

import java.time.ZoneId;
import java.util.Objects;

/** A place where exams happen; all its opening hours and closures are in its own time zone. */
public record Site(SiteId id, String name, String address, ZoneId zone) {
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(zone, "zone");
    }
}
