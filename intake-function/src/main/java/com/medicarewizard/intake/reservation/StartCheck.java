package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.intake.http.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rejects at once (422) a request that can never succeed, whatever the other bookings: unknown
 * exam or site, and every reason of {@link BookingRules#check}. Without a site, the first site
 * offering the exam where the start is open is chosen; when there is none, the first offering
 * site's reason is answered.
 */
final class StartCheck {

    private StartCheck() {
    }

    record Accepted(ExamType exam, Site site) {
    }

    static Accepted accept(ReservationForm form, Center center, Instant now) {
        ExamType exam = center.examType(form.examType())
                .orElseThrow(() -> unprocessable("unknown-exam-type", "No exam type has this code.").raise());
        BookingRules rules = BookingRules.of(center);
        if (form.site().isPresent()) {
            Site site = center.site(form.site().get())
                    .orElseThrow(() -> unprocessable("unknown-site", "No site has this id.").raise());
            rules.check(exam, site, form.start(), now).ifPresent(reason -> {
                throw rejected(reason).raise();
            });
            return new Accepted(exam, site);
        }
        List<Site> offering = center.sitesOffering(exam);
        if (offering.isEmpty()) {
            throw rejected(RejectionReason.NOT_OFFERED).raise();
        }
        Optional<RejectionReason> firstReason = rules.check(exam, offering.getFirst(), form.start(), now);
        return offering.stream()
                .filter(site -> rules.check(exam, site, form.start(), now).isEmpty())
                .findFirst()
                .map(site -> new Accepted(exam, site))
                .orElseThrow(() -> rejected(firstReason.orElse(RejectionReason.CLOSED)).raise());
    }

    /** The rule's name as a stable code: {@code TOO_SOON} becomes {@code too-soon}. */
    static Problem rejected(RejectionReason reason) {
        String detail = switch (reason) {
            case TOO_SOON -> "The start is in the past or too soon to be booked.";
            case BEYOND_HORIZON -> "The start is too far ahead to be booked yet.";
            case OFF_GRID -> "The start is not one of the bookable start times.";
            case NOT_OFFERED -> "This exam is not offered at this site.";
            case CLOSED -> "The site is closed at that time.";
            case SLOT_TAKEN -> "That time is already taken.";
            case TOO_MANY_BOOKINGS -> "You already hold as many bookings ahead as one patient may: cancel one first.";
            case NOT_MOVABLE -> "This booking can no longer be moved.";
            case CENTER_CLOSED -> "The center closed at that time.";
            case OFFER_LAPSED -> "The time offered was not accepted in time.";
        };
        return unprocessable(reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), detail);
    }

    private static Problem unprocessable(String code, String detail) {
        return Problem.of(422, code, "Unprocessable Content", detail);
    }
}
