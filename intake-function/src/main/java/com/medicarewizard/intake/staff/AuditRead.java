package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.port.AuditTrail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/admin/audit?from=DATE&to=DATE}: the audit trail of the UTC days {@code from} to
 * {@code to} (inclusive, at most {@value #MAX_DAYS}; both default to today), oldest first, at most
 * {@value AuditTrail#MAX_READ} entries ({@code truncated} says when there were more).
 */
public record AuditRead(AuditTrail audit, Clock clock) implements StaffRoute {
    static final int MAX_DAYS = 31;

    @Override
    public Response handle(Request request, StaffMember caller) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = day(request, "from").orElse(today);
        LocalDate to = day(request, "to").orElse(from.isAfter(today) ? from : today);
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw Problems.validation("to", "must be from 'from' to " + (MAX_DAYS - 1) + " days after it").raise();
        }
        List<AuditEntry> entries = audit.between(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return Response.json(200, new Page(entries.stream().map(Entry::of).toList(),
                entries.size() == AuditTrail.MAX_READ)).noStore();
    }

    private static Optional<LocalDate> day(Request request, String name) {
        Optional<String> text = request.query(name);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException notADate) {
            throw Problems.validation(name, "must be a date, YYYY-MM-DD").raise();
        }
    }

    /** The answer. */
    public record Page(List<Entry> entries, boolean truncated) {
    }

    /** One entry as administrators read it. */
    public record Entry(String id, String at, String actor, String actorEmail, String action, String subject,
                        Map<String, String> before, Map<String, String> after) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id(), e.at().toString(), e.actor(), e.actorEmail(), e.action(), e.subject(), e.before(),
                    e.after());
        }
    }
}
