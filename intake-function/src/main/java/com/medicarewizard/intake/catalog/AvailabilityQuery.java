package com.medicarewizard.intake.catalog;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.intake.http.FieldError;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Times;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checked question of an availability request. Shape errors of all parameters come back
 * together (400 {@code validation-failed}); a well-formed but unknown exam type or site is a 400
 * too ({@code unknown-exam-type}, {@code unknown-site}): the resource {@code /availability}
 * exists, only the question about it is wrong. {@code firstFree=N} (1 to {@value #MAX_FIRST_FREE})
 * asks only for the first N starts that can still take a booking: what the home page shows of each
 * exam is its earliest, not two weeks of starts (0 in {@link #firstFree} when absent: every start).
 */
record AvailabilityQuery(ExamType exam, List<Site> sites, LocalDate from, LocalDate to, int firstFree) {
    static final int MAX_FIRST_FREE = 100;
    private static final Pattern FIRST_FREE = Pattern.compile("[1-9][0-9]{0,2}");

    static AvailabilityQuery of(Request request, Center center) {
        return of(request, center, Optional.empty());
    }

    /** @param fixed the exam, when it is not the question's to name (a booking's own, for its move) */
    static AvailabilityQuery of(Request request, Center center, Optional<ExamTypeCode> fixed) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> exam = fixed.map(ExamTypeCode::value).or(() -> request.query("examType"));
        if (exam.isEmpty() || !ExamTypeCode.isWellFormed(exam.get())) {
            errors.add(new FieldError("examType", "must be an exam type code"));
        }
        Optional<LocalDate> from = date(request, "from", errors);
        Optional<LocalDate> to = date(request, "to", errors);
        Optional<String> site = request.query("site");
        if (site.isPresent() && !SiteId.isWellFormed(site.get())) {
            errors.add(new FieldError("site", "must be a site id"));
        }
        int firstFree = firstFree(request, errors);
        if (from.isPresent() && to.isPresent()) {
            checkRange(from.get(), to.get(), center.policy().maxRangeDays(), errors);
        }
        if (!errors.isEmpty()) {
            throw Problems.validation(errors).raise();
        }
        ExamType examType = center.examType(new ExamTypeCode(exam.get()))
                .orElseThrow(() -> unknown("unknown-exam-type", "No exam type has this code.").raise());
        return new AvailabilityQuery(examType, sites(center, site), from.get(), to.get(), firstFree);
    }

    /** 0 when absent; else a whole number from 1 to {@link #MAX_FIRST_FREE}, written plainly (no sign, no leading 0). */
    private static int firstFree(Request request, List<FieldError> errors) {
        Optional<String> value = request.query("firstFree");
        if (value.isEmpty()) {
            return 0;
        }
        if (FIRST_FREE.matcher(value.get()).matches() && Integer.parseInt(value.get()) <= MAX_FIRST_FREE) {
            return Integer.parseInt(value.get());
        }
        errors.add(new FieldError("firstFree", "must be a whole number from 1 to " + MAX_FIRST_FREE));
        return 0;
    }

    private static Optional<LocalDate> date(Request request, String name, List<FieldError> errors) {
        Optional<LocalDate> date = request.query(name).flatMap(Times::parseDate);
        if (date.isEmpty()) {
            errors.add(new FieldError(name, "must be a date YYYY-MM-DD"));
        }
        return date;
    }

    private static void checkRange(LocalDate from, LocalDate to, int maxDays, List<FieldError> errors) {
        if (to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            errors.add(new FieldError("to", "the range must span at most " + maxDays + " days"));
        }
    }

    private static List<Site> sites(Center center, Optional<String> site) {
        if (site.isEmpty()) {
            return center.sites();
        }
        return List.of(center.site(new SiteId(site.get()))
                .orElseThrow(() -> unknown("unknown-site", "No site has this id.").raise()));
    }

    private static Problem unknown(String code, String detail) {
        return Problem.of(400, code, "Bad Request", detail);
    }
}
