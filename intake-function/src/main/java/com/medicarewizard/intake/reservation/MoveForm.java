package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Request;

import java.time.Instant;
import java.util.Optional;

/**
 * A move as the patient sent it: {@code start} and an optional {@code site}, shaped as in a
 * {@link ReservationForm} (the exam is the reservation's own), and the optional {@code Idempotency-Key}.
 */
record MoveForm(Instant start, Optional<SiteId> site, Optional<String> idempotencyKey) {

    static MoveForm read(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<Instant> start = ReservationForm.start(form);
        Optional<String> site = ReservationForm.code(form, "site", false);
        Optional<String> key = ReservationForm.idempotencyKey(request, form);
        form.check();
        return new MoveForm(start.orElseThrow(), site.map(SiteId::new), key);
    }
}
