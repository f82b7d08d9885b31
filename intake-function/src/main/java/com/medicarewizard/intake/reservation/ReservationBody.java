package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.http.Times;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A reservation as the API shows it; times in its site's offset, {@code reason} only when rejected,
 * {@code replaces} only on a move request, {@code movedTo} only on a reservation a move replaced,
 * {@code heldUntil} only on an offer from the waitlist while it is HELD, {@code offer} only on an offer.
 */
public record ReservationBody(String id, String status, Optional<String> reason, String examType, String start,
                             String end, String site, Optional<String> replaces, Optional<String> movedTo,
                             Optional<String> heldUntil, Optional<Offer> offer) {

    /** On an offer from the waitlist: whether the patient accepted it (a booking now, or being confirmed). */
    public record Offer(boolean accepted) {
    }

    public static ReservationBody of(Reservation r, Center center) {
        // a site removed from the catalogue since still has a reservation to show: UTC then
        ZoneId zone = center.site(r.site()).map(Site::zone).orElse(ZoneOffset.UTC);
        return new ReservationBody(r.id().value(), r.status().name(), r.reason().map(RejectionReason::name),
                r.examType().value(), Times.iso(r.start(), zone), Times.iso(r.end(), zone), r.site().value(),
                r.replaces().map(replaced -> replaced.reservation().value()), r.movedTo().map(ReservationId::value),
                r.status() == com.medicarewizard.domain.reservation.ReservationStatus.HELD
                        ? r.heldUntil().map(until -> Times.iso(until, zone)) : Optional.empty(),
                r.offer().map(o -> new Offer(o.acceptedAt().isPresent())));
    }
}
