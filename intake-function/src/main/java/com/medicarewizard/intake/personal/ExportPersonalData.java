package com.medicarewizard.intake.personal;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.intake.auth.PasswordConfirmation;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SentNotifications;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.Waitlist;
import com.medicarewizard.intake.waitlist.WaitlistBody;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/me/export}: everything the center holds about the caller, as a JSON file to keep
 * ({@code Content-Disposition: attachment}, never cached), once they confirmed it is them with their
 * password ({@link PasswordConfirmation}): their profile in clear (it is their own), every reservation
 * with its times in its site's offset, the messages sent to them where the runtime keeps them (the local
 * outbox; in AWS, SES and SNS keep none), and their live sessions and devices, without any token.
 */
public record ExportPersonalData(Patients patients, Reservations reservations, Tokens tokens,
                                 Optional<SentNotifications> kept, CenterCatalog catalog,
                                 PasswordConfirmation password, Clock clock, Optional<Waitlist> waitlist)
        implements PatientRoute {
    private static final Logger LOG = LogManager.getLogger(ExportPersonalData.class);
    static final String FILE_NAME = "medicarewizard-my-data.json";

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Patient patient = patients.find(session.patient()).orElseThrow(() -> Problems.unauthorized().raise());
        password.confirm(request, patient);
        Instant now = clock.instant();
        Center center = catalog.current();
        var export = new PersonalDataExport(now.toString(), PersonalDataExport.Profile.of(patient),
                reservations.ofPatient(patient.id()).stream()
                        .map(r -> PersonalDataExport.ReservationRecord.of(r, center)).toList(),
                kept.isPresent(), messages(patient),
                tokens.sessionsOf(patient.id(), now).stream().map(PersonalDataExport.SessionRecord::of).toList(),
                waitlist.map(entries -> entries.ofPatient(patient.id()).stream().map(WaitlistBody::of).toList())
                        .orElse(List.of()));
        LOG.info("patient {} exported their data", patient.id());
        return Response.json(200, export).noStore()
                .header("Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"");
    }

    private List<PersonalDataExport.MessageRecord> messages(Patient patient) {
        return kept.map(outbox -> outbox.to(Set.of(patient.email().value(), patient.phone().value())))
                .orElse(List.of()).stream().map(PersonalDataExport.MessageRecord::of).toList();
    }

}
