package com.medicarewizard.domain.center;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole configuration of the diagnostic center: its sites, exam types, resources, closures and
 * booking policy. It checks that everything it refers to exists.
 */
public record Center(List<Site> sites, List<ExamType> examTypes, List<Resource> resources,
                     List<Closure> closures, BookingPolicy policy) {
    public Center {
        sites = List.copyOf(sites);
        examTypes = List.copyOf(examTypes);
        resources = List.copyOf(resources);
        closures = List.copyOf(closures);
        Objects.requireNonNull(policy, "policy");
        Map<SiteId, Site> bySite = index(sites, Site::id, "site");
        Map<ExamTypeCode, ExamType> byExam = index(examTypes, ExamType::code, "exam type");
        index(resources, Resource::id, "resource");
        for (Resource r : resources) {
            require(bySite.containsKey(r.site()), "resource " + r.id() + " is at unknown site " + r.site());
            r.performs().forEach(code -> require(byExam.containsKey(code),
                    "resource " + r.id() + " performs unknown exam type " + code));
        }
        closures.forEach(c -> require(bySite.containsKey(c.site()), "closure at unknown site " + c.site()));
    }

    private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key, String what) {
        Map<K, V> map = values.stream().collect(Collectors.toMap(key, v -> v, (a, b) -> {
            throw new IllegalArgumentException("duplicate " + what + " " + key.apply(a));
        }, LinkedHashMap::new));
        return map;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public Optional<ExamType> examType(ExamTypeCode code) {
        return examTypes.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public Optional<Site> site(SiteId id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Resource> resource(ResourceId id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * When the site is open, as a patient reads it: per day, the periods in which at least one of its
     * resources is open, overlapping and touching periods joined.
     */
    public OpeningHours siteHours(SiteId site) {
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours.Period> periods = resources.stream().filter(r -> r.site().equals(site))
                    .flatMap(r -> r.hours().on(day).stream())
                    .sorted(Comparator.comparing(OpeningHours.Period::from)).toList();
            List<OpeningHours.Period> joined = new ArrayList<>();
            for (OpeningHours.Period period : periods) {
                OpeningHours.Period last = joined.isEmpty() ? null : joined.getLast();
                if (last != null && !period.from().isAfter(last.to())) {
                    joined.set(joined.size() - 1, new OpeningHours.Period(last.from(),
                            period.to().isAfter(last.to()) ? period.to() : last.to()));
                } else {
                    joined.add(period);
                }
            }
            if (!joined.isEmpty()) {
                week.put(day, joined);
            }
        }
        return new OpeningHours(week);
    }

    /** The sites that have at least one resource of every kind the exam needs. */
    public List<Site> sitesOffering(ExamType exam) {
        return sites.stream().filter(s -> exam.needs().stream()
                .allMatch(kind -> !candidates(exam, s.id(), kind).isEmpty())).toList();
    }

    /** The resources of {@code kind} at {@code site} able to take part in {@code exam}, in a stable order. */
    public List<Resource> candidates(ExamType exam, SiteId site, ResourceKind kind) {
        return resources.stream()
                .filter(r -> r.site().equals(site) && r.kind().equals(kind) && r.canPerform(exam))
                .toList();
    }
}
