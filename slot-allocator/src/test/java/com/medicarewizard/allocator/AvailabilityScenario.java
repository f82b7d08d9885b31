package com.medicarewizard.allocator;

import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.Cell;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One day at a one-site center in Europe/Rome, as the availability property draws it: the policy,
 * one exam type, its resources with their hours, maybe a closure, the time of the question and the
 * cells other reservations hold. {@link AvailabilityScenarios} generates them.
 */
record AvailabilityScenario(BookingPolicy policy, ExamType exam, List<OpeningHours> hours, LocalDate day,
                            int closure, Instant now, List<Held> held) {
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static final Site SITE = new Site(new SiteId("ROMA"), "Roma", "Via Nazionale 1, Roma", ROME);
    static final ExamTypeCode EXAM = new ExamTypeCode("EXAM");
    static final ResourceKind ROOM = new ResourceKind("ROOM");
    static final ResourceKind STAFF = new ResourceKind("STAFF");

    /** Cells another reservation holds: {@code cells} cells of a resource from a quarter-hour of the day. */
    record Held(int resource, int quarter, int cells) {
    }

    /** Resources alternate rooms and staff, each with its own hours; closure 1 shuts the site, 2 the first room. */
    Center center() {
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            ResourceKind kind = i % 2 == 0 ? ROOM : STAFF;
            resources.add(new Resource(resourceId(i), SITE.id(), kind.code() + " " + i, kind, Set.of(EXAM),
                    hours.get(i)));
        }
        List<Closure> closures = switch (closure) {
            case 1 -> List.of(Closure.ofSite(SITE.id(), day, day, "strike"));
            case 2 -> List.of(new Closure(SITE.id(), Optional.of(resourceId(0)), day, day, "maintenance"));
            default -> List.of();
        };
        return new Center(List.of(SITE), List.of(exam), resources, closures, policy);
    }

    static ResourceId resourceId(int index) {
        return new ResourceId("R-" + index);
    }

    Instant midnight() {
        return day.atStartOfDay(ROME).toInstant();
    }

    /** The cells held by others, as the ledger has them. */
    List<Cell> heldCells() {
        List<Cell> cells = new ArrayList<>();
        for (Held h : held) {
            Instant from = midnight().plus(Duration.ofMinutes(15L * h.quarter()));
            cells.addAll(Cell.covering(resourceId(h.resource() % hours.size()), from,
                    from.plus(Cell.SIZE.multipliedBy(h.cells()))));
        }
        return cells;
    }
}
