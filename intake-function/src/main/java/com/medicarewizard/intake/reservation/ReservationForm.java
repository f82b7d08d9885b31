package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Times;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reservation request as the patient sent it, checked for shape: {@code examType} and optional
 * {@code site} as codes, {@code start} as a date-time with offset, and the optional
 * {@code Idempotency-Key} header of 1-128 printable ASCII characters. All shape errors come together.
 */
record ReservationForm(ExamTypeCode examType, Instant start, Optional<SiteId> site, Optional<String> idempotencyKey) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");

    static ReservationForm read(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<String> exam = code(form, "examType", true);
        Optional<Instant> start = start(form);
        Optional<String> site = code(form, "site", false);
        Optional<String> key = idempotencyKey(request, form);
        form.check();
        return new ReservationForm(new ExamTypeCode(exam.orElseThrow()), start.orElseThrow(), site.map(SiteId::new), key);
    }

    /** {@code start}, a date-time with offset; empty (and the field rejected) when absent or malformed. */
    static Optional<Instant> start(Form form) {
        return form.required("start", 64).flatMap(text -> {
            Optional<Instant> parsed = Times.parseInstant(text);
            if (parsed.isEmpty()) {
                form.reject("start", "must be a date-time with offset, e.g. 2027-03-01T09:30:00+01:00");
            }
            return parsed;
        });
    }

    /** The optional {@code Idempotency-Key} header, 1-128 printable characters, else rejected on {@code form}. */
    static Optional<String> idempotencyKey(Request request, Form form) {
        Optional<String> key = request.header("Idempotency-Key");
        if (key.isPresent() && (!KEY.matcher(key.get()).matches() || key.get().isBlank())) {
            form.reject("Idempotency-Key", "must be 1 to 128 printable characters");
        }
        return key;
    }

    static Optional<String> code(Form form, String field, boolean required) {
        Optional<String> text = required ? form.required(field, 40) : form.optional(field, 40);
        if (text.isPresent() && !CODE.matcher(text.get()).matches()) {
            form.reject(field, "must be a code of upper-case letters, digits and dashes");
            return Optional.empty();
        }
        return text;
    }
}
