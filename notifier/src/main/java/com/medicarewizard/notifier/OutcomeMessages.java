package com.medicarewizard.notifier;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.notification.CalendarInvite;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.availability.Slot;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Notifications.Attachment;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.Notifications.Sms;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The e-mail and the text message for an outcome or a reminder, in the patient's language (English or
 * Italian; anything else gets English): exam, site and address, the time in the site's zone, the
 * preparation (the exam's name and preparation as the center wrote them in that language, else its
 * own); a confirmation e-mail carries the calendar file, in the same language. A move request's
 * outcome has texts of its own, naming the time it moves from: "Moved" (with the new calendar file),
 * or "Not moved". A booking the center cancelled (a closure, shorter hours: reason CENTER_CLOSED) is told
 * why, with the nearest free times of the same exam and a link to book one ({@link Rebooking}). A reminder
 * (texts {@code BEFORE_48_HOURS}, {@code BEFORE_2_HOURS}) states the time in the site's zone with its UTC
 * offset on that day, and the 48-hour one the preparation.
 */
public final class OutcomeMessages {
    private static final String BUNDLE = "com.medicarewizard.notifier.messages";
    /** The texts of a booking the center cancelled: why, the nearest free times instead, a link to book again. */
    static final String CENTER_CLOSED = "CENTER_CLOSED";
    /** The offset as people read it beside a time: {@code UTC+02:00}, {@code UTC+01:00}. */
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("'UTC'xxx");
    private final Center center;
    private final Optional<Rebooking> rebooking;
    private final Instant now;

    public OutcomeMessages(Center center) {
        this(center, Optional.empty(), Instant.EPOCH);
    }

    /** With what a booking the center cancelled is offered instead, found at {@code now}. */
    public OutcomeMessages(Center center, Optional<Rebooking> rebooking, Instant now) {
        this.center = center;
        this.rebooking = rebooking;
        this.now = now;
    }

    public Email email(OutcomeChange change, Patient patient) {
        Texts texts = texts(change, patient);
        Optional<Attachment> calendar = change.outcome() == ReservationStatus.CONFIRMED
                ? Optional.of(new Attachment(CalendarInvite.FILE_NAME, CalendarInvite.CONTENT_TYPE, calendar(change, patient)))
                : Optional.empty();
        return new Email(patient.email().value(), texts.text("subject"), texts.text("body"), calendar);
    }

    public Sms sms(OutcomeChange change, Patient patient) {
        return new Sms(patient.phone().value(), texts(change, patient).text("sms"));
    }

    /** The reminder's e-mail (no calendar file: the confirmation carried it). */
    public Email reminderEmail(Reservation reservation, ReminderKind kind, Patient patient) {
        Texts texts = texts(reservation, kind.name(), patient);
        return new Email(patient.email().value(), texts.text("subject"), texts.text("body"), Optional.empty());
    }

    public Sms reminderSms(Reservation reservation, ReminderKind kind, Patient patient) {
        return new Sms(patient.phone().value(), texts(reservation, kind.name(), patient).text("sms"));
    }

    private String calendar(OutcomeChange change, Patient patient) {
        Reservation r = change.reservation();
        ExamType exam = exam(r);
        return CalendarInvite.of(r, exam, site(r), exam.name(patient.language()), exam.preparation(patient.language()));
    }

    private Texts texts(OutcomeChange change, Patient patient) {
        return texts(change.reservation(), textsOf(change), patient);
    }

    private Texts texts(Reservation r, String name, Patient patient) {
        // dates as people in Italy write them in either language: day before month, a 24-hour clock
        // (English as in the UK: "Tuesday 11 March 2030 at 10:15", not "March 11, 2030 at 10:15 AM")
        Locale locale = "it".equals(patient.language()) ? Locale.ITALY : Locale.UK;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Site site = site(r);
        ExamType exam = exam(r);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale);
        String when = format.format(r.start().atZone(site.zone()));
        String reason = r.reason().map(why -> bundle.getString("reason." + why.name())).orElse("");
        String previousWhen = r.replaces().map(previous -> format.format(previous.start()
                .atZone(center.site(previous.site()).map(Site::zone).orElse(site.zone())))).orElse("");
        String previousSite = r.replaces().map(previous -> center.site(previous.site()).map(Site::name)
                .orElse(previous.site().value())).orElse("");
        List<Slot> instead = name.equals(CENTER_CLOSED) ? rebooking.map(rb -> rb.nearest(center, r, now)).orElse(List.of())
                : List.of();
        DateTimeFormatter shortFormat = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale);
        String insteadLines = String.join("\n", instead.stream().map(slot -> "  - " + format.format(
                slot.start().atZone(slot.site().zone())) + ", " + slot.site().name()).toList());
        String insteadShort = String.join("; ", instead.stream().map(slot -> shortFormat.format(
                slot.start().atZone(slot.site().zone()))).toList());
        String link = name.equals(CENTER_CLOSED) ? rebooking.map(rb -> rb.link(r).toString()).orElse("") : "";
        Object[] values = {patient.firstName(), exam.name(patient.language()), site.name(), site.address(), when,
                exam.preparation(patient.language()),
                reason, r.id().value(), site.zone().getId(), previousWhen, previousSite, insteadLines, insteadShort,
                link, OFFSET.format(r.start().atZone(site.zone())),
                r.isOffer() ? rebooking.map(rb -> rb.offerLink(r).toString()).orElse("") : "",
                r.heldUntil().map(until -> DateTimeFormatter.ofPattern("HH:mm", locale).format(until.atZone(site.zone())))
                        .orElse("")};
        return new Texts(bundle, name, locale, values);
    }

    /**
     * The texts' name: the outcome's, or a move request's own: MOVED; MOVE_REJECTED (the booking stays),
     * or MOVE_REFUSED when there was no longer a booking to move (cancelled or moved meanwhile: nothing
     * can be said to stay); MOVE_WITHDRAWN when the patient cancelled the move before it was decided.
     * A move cancelled once confirmed is a booking cancelled, told as one.
     */
    private static String textsOf(OutcomeChange change) {
        Reservation r = change.reservation();
        if (change.outcome() == ReservationStatus.CANCELLED
                && r.reason().filter(RejectionReason.CENTER_CLOSED::equals).isPresent()) {
            return CENTER_CLOSED;
        }
        if (!r.isMove()) {
            return change.outcome().name();
        }
        return switch (change.outcome()) {
            case CONFIRMED -> "MOVED";
            case REJECTED -> r.reason().filter(RejectionReason.NOT_MOVABLE::equals).isPresent()
                    ? "MOVE_REFUSED" : "MOVE_REJECTED";
            case CANCELLED -> change.isWithdrawnMove() ? "MOVE_WITHDRAWN" : "CANCELLED";
            case PENDING, HELD -> throw new IllegalArgumentException("a move request is never " + change.outcome());
        };
    }

    /** An exam type or site removed from the catalog since is still named by its code. */
    private ExamType exam(Reservation r) {
        return center.examType(r.examType()).orElseGet(() -> new ExamType(r.examType(), r.examType().value(),
                java.time.Duration.between(r.start(), r.end()), "", java.time.Duration.ZERO, java.time.Duration.ZERO,
                java.util.Set.of(new com.medicarewizard.domain.center.ResourceKind("UNKNOWN"))));
    }

    private Site site(Reservation r) {
        return center.site(r.site()).orElseGet(() -> new Site(r.site(), r.site().value(), "",
                java.time.ZoneOffset.UTC));
    }

    private record Texts(ResourceBundle bundle, String name, Locale locale, Object[] values) {
        String text(String part) {
            return new MessageFormat(bundle.getString(name + "." + part), locale).format(values);
        }
    }
}
