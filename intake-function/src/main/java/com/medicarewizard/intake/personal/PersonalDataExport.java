package com.medicarewizard.intake.personal;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.http.Times;
import com.medicarewizard.port.SentNotifications;
import com.medicarewizard.port.Tokens;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import com.medicarewizard.intake.waitlist.WaitlistBody;
import java.util.List;
import java.util.Optional;

/**
 * The body of a patient's export. {@code messagesKept} says whether the runtime keeps the messages it
 * sent (the local outbox does; in AWS, SES and SNS do not), so an empty {@code messages} is not mistaken
 * for "none were sent".
 */
public record PersonalDataExport(String exportedAt, Profile profile, List<ReservationRecord> reservations,
                                 boolean messagesKept, List<MessageRecord> messages, List<SessionRecord> sessions,
                                 List<WaitlistBody> waitlist) {

    /** The profile in clear: it is the patient's own. */
    public record Profile(String id, String email, String firstName, String lastName, String phone, String taxCode,
                          String dateOfBirth, String language, String registeredAt, boolean remindTwoHoursBefore) {
        static Profile of(Patient p) {
            return new Profile(p.id().value(), p.email().value(), p.firstName(), p.lastName(), p.phone().value(),
                    p.taxCode().value(), p.dateOfBirth().toString(), p.language(), p.registeredAt().toString(),
                    p.remindTwoHoursBefore());
        }
    }

    /** A reservation with its whole story, times in its site's offset (UTC for a site no longer offered). */
    public record ReservationRecord(String id, String status, Optional<String> reason, String examType, String site,
                                    String start, String end, String requestedAt, Optional<String> decidedAt,
                                    Optional<String> cancelRequestedAt, Optional<String> cancelledAt,
                                    Optional<String> replaces, Optional<String> movedTo) {
        static ReservationRecord of(Reservation r, Center center) {
            ZoneId zone = center.site(r.site()).map(Site::zone).orElse(ZoneOffset.UTC);
            return new ReservationRecord(r.id().value(), r.status().name(), r.reason().map(RejectionReason::name),
                    r.examType().value(), r.site().value(), Times.iso(r.start(), zone), Times.iso(r.end(), zone),
                    Times.iso(r.requestedAt(), zone), r.decidedAt().map(at -> Times.iso(at, zone)),
                    r.cancelRequestedAt().map(at -> Times.iso(at, zone)), r.cancelledAt().map(at -> Times.iso(at, zone)),
                    r.replaces().map(replaced -> replaced.reservation().value()), r.movedTo().map(ReservationId::value));
        }
    }

    /** A message as it was sent to them. */
    public record MessageRecord(String channel, String to, Optional<String> subject, String text, String sentAt) {
        static MessageRecord of(SentNotifications.Message m) {
            return new MessageRecord(m.channel(), m.to(), Optional.of(m.subject()).filter(s -> !s.isEmpty()), m.text(),
                    m.at().toString());
        }
    }

    /** A live session or remembered device: when it began and until when it lasts; never its token. */
    public record SessionRecord(String issuedAt, String expiresAt) {
        static SessionRecord of(Tokens.Session session) {
            return new SessionRecord(utc(session.issuedAt()), utc(session.expiresAt()));
        }
    }

    private static String utc(Instant instant) {
        return instant.toString();
    }
}
