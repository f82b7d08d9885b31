package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.intake.http.Request;

import java.time.Instant;
import java.util.Optional;

/**
 * A move as the patient sent it: {@code start} and an optional {@code site}, shaped as in a
 * {@link ReservationForm} (the exam is the reservation's own), and the optional {@code Idempotency-Key}.
 */
record MoveForm(Instant start, Optional<SiteId> site, Optional<String> idempotencyKey) {

    static MoveForm read(Request request) {
        ReservationForm form = ReservationForm.read(request, false);
        return new MoveForm(form.start(), form.site(), form.idempotencyKey());
    }
}
