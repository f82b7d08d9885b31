package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.port.ReservationCommand;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 18: the front desk finds, opens and registers patients, books and cancels for them, and keeps the day. */
class DeskRoutesTest {
    private static final String TUESDAY_9 = "2027-03-02T09:00:00+01:00";
    private static final String TUESDAY_10 = "2027-03-02T10:00:00+01:00";
    private final Api api = new Api();
    private String desk = api.staffToken(StaffRole.FRONT_DESK);

    private String patientId(String email) {
        return api.patients.byEmail(new EmailAddress(email)).orElseThrow().id().value();
    }

    private List<AuditEntry> trail(String action) {
        return api.staff.between(Instant.EPOCH, Instant.MAX).stream().filter(e -> e.action().equals(action)).toList();
    }

    private Reply book(String patient, String start, String key) {
        return api.send(Req.post("/api/v1/desk/patients/{patient}/reservations").path("patient", patient)
                .bearer(desk).header("Idempotency-Key", key)
                .json("{\"examType\":\"XRAY-CHEST\",\"site\":\"ROMA-NORD\",\"start\":\"" + start + "\"}"));
    }

    /** Decides the reservation CONFIRMED on XR-N1 with its cells claimed, as the allocator would. */
    private void confirm(String id) {
        Reservation r = api.reservations.find(new ReservationId(id)).orElseThrow();
        assertThat(api.ledger.claim(r.id(), Cell.covering(new ResourceId("XR-N1"), r.start(), r.end()))).isTrue();
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
    }

    private Reply schedule(String date) {
        return api.send(Req.get("/api/v1/desk/schedule").query("site", "ROMA-NORD").query("date", date).bearer(desk));
    }

    @Test
    void findsAPatientByTheirExactAddressWithTheirContactDataMasked() {
        String email = api.registerPatient();

        Reply found = api.send(Req.get("/api/v1/desk/patients").query("email", email.toUpperCase()).bearer(desk));

        assertThat(found.status()).isEqualTo(200);
        JsonNode patient = found.body().get(0);
        assertThat(patient.get("id").asText()).isEqualTo(patientId(email));
        assertThat(patient.get("firstName").asText()).isEqualTo("Maria");
        assertThat(patient.get("email").asText()).startsWith("p***@").isNotEqualTo(email);
        assertThat(patient.get("phone").asText()).doesNotContain("347123");
        assertThat(patient.get("yearOfBirth").asInt()).isEqualTo(1985);
        assertThat(found.rawBody()).doesNotContain("RSSMRA").doesNotContain("1985-12-10");
        assertThat(api.send(Req.get("/api/v1/desk/patients").query("email", "nobody@example.org").bearer(desk))
                .body()).isEmpty();
        Reply bad = api.send(Req.get("/api/v1/desk/patients").query("email", "not an address").bearer(desk));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("email");
    }

    @Test
    void opensAPatientInFullOnlyWithAReasonAndWritesItToTheTrail() {
        String id = patientId(api.registerPatient());

        Reply noReason = api.send(Req.get("/api/v1/desk/patients/{patient}").path("patient", id).bearer(desk));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(trail("patient.opened")).isEmpty();

        Reply opened = api.send(Req.get("/api/v1/desk/patients/{patient}").path("patient", id)
                .query("reason", "phone call").bearer(desk));

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.text("phone")).isEqualTo("+393471234567");
        assertThat(opened.text("taxCode")).isEqualTo("RSSMRA85T10A562S");
        assertThat(trail("patient.opened")).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("patient/" + id);
            assertThat(entry.after()).containsEntry("reason", "phone call");
        });
        assertThat(api.send(Req.get("/api/v1/desk/patients/{patient}").path("patient", "nobody")
                .query("reason", "phone call").bearer(desk)).status()).isEqualTo(404);
    }

    @Test
    void registersAPatientWhoPhonedWithNoUsablePasswordAndTellsThemHowToSetOne() {
        Reply made = api.send(Req.post("/api/v1/desk/patients").bearer(desk).json("""
                {"email":"giulia@example.org","firstName":"Giulia","lastName":"Neri","phone":"347 765 4321",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1990-05-04","language":"it"}"""));

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.text("email")).isEqualTo("g***@example.org");
        assertThat(made.header("Location")).contains("/api/v1/desk/patients/" + made.text("id"));
        assertThat(api.mail.to("giulia@example.org")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("Il centro ti ha creato un account");
            assertThat(mail.text()).contains(Api.SITE + "/reset");
        });
        assertThat(trail("patient.registered-by-staff")).singleElement()
                .satisfies(entry -> assertThat(entry.subject()).isEqualTo("patient/" + made.text("id")));
        assertThat(api.login("giulia@example.org", "").status()).isIn(400, 401);
        assertThat(api.send(Req.post("/api/v1/auth/password-reset").json("{\"email\":\"giulia@example.org\"}"))
                .status()).isEqualTo(202);

        Reply again = api.send(Req.post("/api/v1/desk/patients").bearer(desk).json("""
                {"email":"Giulia@example.org","firstName":"Giulia","lastName":"Neri","phone":"347 765 4321",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1990-05-04"}"""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(trail("patient.registered-by-staff")).hasSize(1);
    }

    @Test
    void aBadRegistrationIsA400WithEveryFieldAndChangesNothing() {
        int before = api.patients.count();

        Reply bad = api.send(Req.post("/api/v1/desk/patients").bearer(desk)
                .json("{\"email\":\"nope\",\"firstName\":\"\",\"phone\":\"12\",\"dateOfBirth\":\"2999-01-01\"}"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field"))
                .contains("email", "firstName", "lastName", "phone", "taxCode", "dateOfBirth")
                .doesNotContain("password");
        assertThat(api.patients.count()).isEqualTo(before);
        assertThat(trail("patient.registered-by-staff")).isEmpty();
    }

    @Test
    void booksAndCancelsForAPatientThroughTheSamePipelineMarkedAsTheStaffs() {
        String patient = patientId(api.registerPatient());

        Reply booked = book(patient, TUESDAY_9, "k-1");
        assertThat(booked.status()).isEqualTo(202);
        String id = booked.body().at("/reservation/id").asText();
        assertThat(booked.body().at("/reservation/status").asText()).isEqualTo("PENDING");
        assertThat(booked.body().at("/bookedBy/name").asText()).isEqualTo("Staff Member");
        assertThat(api.reservations.find(new ReservationId(id)).orElseThrow().patient().value()).isEqualTo(patient);
        assertThat(api.queue.sent()).extracting(ReservationCommand::type).containsExactly(ReservationCommand.Type.DECIDE);

        Reply repeated = book(patient, TUESDAY_9, "k-1");
        assertThat(repeated.body().at("/reservation/id").asText()).isEqualTo(id);
        assertThat(api.queue.sent()).hasSize(1);
        assertThat(trail("reservation.booked-for-patient")).singleElement()
                .satisfies(entry -> assertThat(entry.after()).containsEntry("patient", patient));

        confirm(id);
        Reply cancelled = api.send(Req.delete("/api/v1/desk/patients/{patient}/reservations/{id}")
                .path("patient", patient).path("id", id).bearer(desk));
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(api.queue.sent()).extracting(ReservationCommand::type).endsWith(ReservationCommand.Type.CANCEL);
        assertThat(trail("reservation.cancelled-for-patient")).hasSize(1);

        JsonNode listed = api.send(Req.get("/api/v1/desk/patients/{patient}/reservations").path("patient", patient)
                .bearer(desk)).body().get(0);
        assertThat(listed.at("/reservation/id").asText()).isEqualTo(id);
        assertThat(listed.has("bookedBy")).isTrue();
        assertThat(listed.has("cancelledBy")).isTrue();
    }

    @Test
    void aCancellationForAPatientThatTheQueueRefusedIsInTheTrailOnceWhenSentAgain() {
        String patient = patientId(api.registerPatient());
        String id = book(patient, TUESDAY_9, "k-7").body().at("/reservation/id").asText();
        confirm(id);
        Req cancel = Req.delete("/api/v1/desk/patients/{patient}/reservations/{id}").path("patient", patient)
                .path("id", id).bearer(desk);

        api.queue.unavailable(true);
        Reply refused = api.send(cancel);
        api.queue.unavailable(false);
        Reply again = api.send(cancel);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(again.status()).isEqualTo(202);
        assertThat(api.queue.sent()).extracting(ReservationCommand::type).endsWith(ReservationCommand.Type.CANCEL);
        assertThat(trail("reservation.cancelled-for-patient")).singleElement()
                .satisfies(entry -> assertThat(entry.subject()).isEqualTo("reservation/" + id));
    }

    @Test
    void aBookingForAPatientKeepsThePatientsOwnRules() {
        String patient = patientId(api.registerPatient());

        Reply past = book(patient, "2027-02-01T09:00:00+01:00", "k-2");
        assertThat(past.status()).isIn(400, 422);
        assertThat(api.queue.sent()).isEmpty();
        assertThat(trail("reservation.booked-for-patient")).isEmpty();
        assertThat(book("4a0f1a55-0b0e-4e68-b2a3-1c3fd2ee1111", TUESDAY_9, "k-3").status()).isEqualTo(404);
    }

    @Test
    void theDaysScheduleListsTheConfirmedBookingsPerResourceInOrderWithMaskedPatients() {
        String email = api.registerPatient();
        String patient = patientId(email);
        String later = book(patient, TUESDAY_10, "k-4").body().at("/reservation/id").asText();
        String earlier = api.book(api.login(email, Api.PASSWORD).text("accessToken"), TUESDAY_9);
        String pending = book(patient, "2027-03-02T11:00:00+01:00", "k-5").body().at("/reservation/id").asText();
        confirm(later);
        confirm(earlier);

        Reply day = schedule("2027-03-02");

        assertThat(day.status()).isEqualTo(200);
        assertThat(day.text("zone")).isEqualTo("Europe/Rome");
        JsonNode xray = day.body().get("resources").findParents("id").stream()
                .filter(r -> r.get("id").asText().equals("XR-N1")).findFirst().orElseThrow();
        JsonNode bookings = xray.get("bookings");
        assertThat(bookings).extracting(b -> b.get("id").asText()).containsExactly(earlier, later)
                .doesNotContain(pending);
        assertThat(bookings.get(0).get("start").asText()).isEqualTo(TUESDAY_9);
        assertThat(bookings.get(0).has("bookedBy")).isFalse();
        assertThat(bookings.get(1).at("/bookedBy/name").asText()).isEqualTo("Staff Member");
        assertThat(bookings.get(1).at("/patient/lastName").asText()).isEqualTo("Rossi");
        assertThat(bookings.get(1).at("/patient/email").asText()).isNotEqualTo(email);
        assertThat(schedule("2027-03-03").body().get("resources").findValuesAsText("start")).isEmpty();
    }

    @Test
    void aScheduleAskedBadlyIsA400() {
        assertThat(api.send(Req.get("/api/v1/desk/schedule").query("date", "2027-03-02").bearer(desk))
                .body().at("/errors/0/field").asText()).isEqualTo("site");
        assertThat(api.send(Req.get("/api/v1/desk/schedule").query("site", "NOWHERE").query("date", "2027-03-02")
                .bearer(desk)).status()).isEqualTo(400);
        assertThat(schedule("2027-02-30").body().at("/errors/0/field").asText()).isEqualTo("date");
    }

    @Test
    void attendanceIsMarkedOnTheDayANoShowOnlyOnceStartedAndTheScheduleShowsIt() {
        String patient = patientId(api.registerPatient());
        String id = book(patient, TUESDAY_9, "k-6").body().at("/reservation/id").asText();
        confirm(id);
        Req arrived = Req.of("PUT", "/api/v1/desk/reservations/{id}/attendance").path("id", id).bearer(desk)
                .json("{\"attendance\":\"ARRIVED\"}");
        Req noShow = Req.of("PUT", "/api/v1/desk/reservations/{id}/attendance").path("id", id).bearer(desk)
                .json("{\"attendance\":\"NO_SHOW\"}");

        assertThat(api.send(arrived).code()).isEqualTo("not-yet");
        api.clock.advance(Duration.between(api.clock.instant(), OffsetDateTime.parse(TUESDAY_9).toInstant())
                .minusMinutes(30));
        desk = api.staffToken(StaffRole.FRONT_DESK); // the morning's shift: the first token has expired
        arrived.bearer(desk);
        noShow.bearer(desk);
        assertThat(api.send(noShow).code()).isEqualTo("not-started");
        Reply bad = api.send(Req.of("PUT", "/api/v1/desk/reservations/{id}/attendance").path("id", id).bearer(desk)
                .json("{\"attendance\":\"LATE\"}"));
        assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("attendance");

        Reply marked = api.send(arrived);
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.text("attendance")).isEqualTo("ARRIVED");
        api.clock.advance(Duration.ofMinutes(31));
        assertThat(api.send(noShow).status()).isEqualTo(200);

        assertThat(schedule("2027-03-02").body().findValuesAsText("attendance")).containsExactly("NO_SHOW");
        assertThat(trail("reservation.attendance-marked")).hasSize(2);
    }
}
