package com.medicarewizard.intake.waitlist;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.waitlist.WaitlistEntry;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.Waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/waitlist}: the patient asks to be offered an earlier time for an exam type, at a
 * site or any ({@code site} absent), starting before a date ({@code before}, ISO, the site's midnight;
 * at least tomorrow, at most the booking horizon ahead). 201 with the entry. An unknown exam type, a site
 * that does not offer it, a date out of range or any other field: 400, nothing written. The same exam
 * type and site waited for already: 409 {@code already-waiting}; {@value WaitlistEntry#MAX_PER_PATIENT}
 * entries already: 409 {@code too-many-waitlist-entries}.
 */
public record JoinWaitlist(CenterCatalog catalog, Waitlist waitlist, Clock clock) implements PatientRoute {
    static final String EXAM_TYPE = "examType";
    static final String SITE = "site";
    static final String BEFORE = "before";

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Form form = new Form(JsonBody.object(request));
        form.onlyFields(Set.of(EXAM_TYPE, SITE, BEFORE));
        Center center = catalog.current();
        Optional<ExamType> exam = form.required(EXAM_TYPE, 40).filter(ExamTypeCode::isWellFormed)
                .flatMap(code -> center.examType(new ExamTypeCode(code)))
                .filter(known -> !center.sitesOffering(known).isEmpty());
        if (exam.isEmpty() && !form.hasErrors()) {
            form.reject(EXAM_TYPE, "is not an exam type the center offers");
        }
        Optional<String> siteText = form.optional(SITE, 40);
        Optional<Site> site = siteText.filter(SiteId::isWellFormed).flatMap(id -> center.site(new SiteId(id)));
        if (siteText.isPresent() && (site.isEmpty()
                || exam.isPresent() && !center.sitesOffering(exam.get()).contains(site.get()))) {
            form.reject(SITE, "is not a site offering this exam");
        }
        Instant now = clock.instant();
        // "any site": the date is read on the clock of the first site offering the exam (one zone in practice)
        ZoneId zone = site.map(Site::zone).or(() -> exam.flatMap(e -> center.sitesOffering(e).stream().findFirst()
                .map(Site::zone))).orElse(java.time.ZoneOffset.UTC);
        Optional<LocalDate> before = form.required(BEFORE, 10).flatMap(text -> date(form, text));
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate last = now.plus(center.policy().horizon()).atZone(zone).toLocalDate().plusDays(1);
        if (before.isPresent() && (!before.get().isAfter(today) || before.get().isAfter(last))) {
            form.reject(BEFORE, "must be a date after today and at most " + last + " (the booking horizon)");
        }
        form.check();
        WaitlistEntry entry = WaitlistEntry.join(session.patient(), exam.get().code(), site.map(Site::id),
                before.get(), now);
        return switch (waitlist.join(entry)) {
            case JOINED -> Response.json(201, WaitlistBody.of(entry))
                    .header("Location", "/api/v1/waitlist/" + entry.id()).noStore();
            case ALREADY_WAITING -> throw Problem.of(409, "already-waiting", "Conflict",
                    "You already wait for an earlier time for this exam here.").raise();
            case TOO_MANY -> throw Problem.of(409, "too-many-waitlist-entries", "Conflict",
                    "You already wait for " + WaitlistEntry.MAX_PER_PATIENT + " exams: leave one first.").raise();
        };
    }

    private static Optional<LocalDate> date(Form form, String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            form.reject(BEFORE, "must be a date, as 2027-03-29");
            return Optional.empty();
        }
    }
}
