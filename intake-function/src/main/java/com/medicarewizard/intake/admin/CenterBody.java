package com.medicarewizard.intake.admin;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.port.CenterVersions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The center as the administrators' API shows it, version and all: sites, exam types (with their texts in
 * English and Italian), resources with their weekly hours, closures (each with an id to remove it by).
 */
public record CenterBody(long version, String savedAt, List<SiteBody> sites, List<ExamTypeBody> examTypes,
                         List<ResourceBody> resources, List<ClosureBody> closures) {

    static CenterBody of(CenterVersions.Version version) {
        Center c = version.center();
        return new CenterBody(version.number(), version.savedAt().toString(),
                c.sites().stream().map(SiteBody::of).toList(), c.examTypes().stream().map(ExamTypeBody::of).toList(),
                c.resources().stream().map(ResourceBody::of).toList(), c.closures().stream().map(ClosureBody::of).toList());
    }

    public record SiteBody(String id, String name, String address, String zone) {
        static SiteBody of(Site s) {
            return new SiteBody(s.id().value(), s.name(), s.address(), s.zone().getId());
        }
    }

    public record ExamTypeBody(String code, Map<String, String> name, Map<String, String> preparation,
                               long durationMinutes, long setUpMinutes, long turnoverMinutes, List<String> needs) {
        static ExamTypeBody of(ExamType e) {
            return new ExamTypeBody(e.code().value(), texts(e.name(), e.name("it")),
                    texts(e.preparation(), e.preparation("it")), e.duration().toMinutes(), e.setUp().toMinutes(),
                    e.turnover().toMinutes(), e.needs().stream().map(ResourceKind::code).sorted().toList());
        }

        private static Map<String, String> texts(String en, String it) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("en", en);
            texts.put("it", it);
            return texts;
        }
    }

    public record ResourceBody(String id, String site, String name, String kind, List<String> performs,
                               Map<String, List<PeriodBody>> hours) {
        static ResourceBody of(Resource r) {
            Map<String, List<PeriodBody>> hours = new LinkedHashMap<>();
            Arrays.stream(DayOfWeek.values()).filter(day -> !r.hours().on(day).isEmpty())
                    .forEach(day -> hours.put(day.name(), r.hours().on(day).stream().map(PeriodBody::of).toList()));
            return new ResourceBody(r.id().value(), r.site().value(), r.name(), r.kind().code(),
                    r.performs().stream().map(code -> code.value()).sorted().toList(), hours);
        }
    }

    public record PeriodBody(String from, String to) {
        static PeriodBody of(OpeningHours.Period p) {
            return new PeriodBody(p.from().toString(), p.to().equals(java.time.LocalTime.MAX) ? "24:00" : p.to().toString());
        }
    }

    public record ClosureBody(String id, String site, String resource, String first, String last, String reason) {
        static ClosureBody of(Closure c) {
            return new ClosureBody(CenterBody.id(c), c.site().value(), c.resource().map(r -> r.value()).orElse(null),
                    c.first().toString(), c.last().toString(), c.reason());
        }
    }

    /** A closure's id: a digest of what it is, so that the same closure always has the same id. */
    static String id(Closure c) {
        String what = c.site().value() + "|" + c.resource().map(r -> r.value()).orElse("") + "|" + c.first() + "|"
                + c.last() + "|" + c.reason();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(what.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
