package com.medicarewizard.domain.center;

import java.util.Objects;
import java.util.Set;

/** A room, machine or qualified person at one site, able to take part in the listed exam types. */
public record Resource(ResourceId id, SiteId site, String name, ResourceKind kind,
                       Set<ExamTypeCode> performs, OpeningHours hours) {
    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hours, "hours");
        performs = Set.copyOf(performs);
    }

    public boolean canPerform(ExamType exam) {
        return performs.contains(exam.code()) && exam.needs().contains(kind);
    }
}
