package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestCenter;
import com.medicarewizard.port.ReservationCommand;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 18: the administrators change the center, kept in the table and versioned; a change strands no one unseen. */
class CenterRoutesTest {
    /** A Tuesday at Roma Nord, its X-ray room open. */
    private static final String START = "2027-03-02T10:00:00+01:00";
    private final Api api = new Api();
    private final String admin = api.staffToken(StaffRole.ADMIN);

    private Reply closure(String etag, String query, String day) {
        Req request = Req.post("/api/v1/admin/closures").bearer(admin).json("""
                {"site":"ROMA-NORD","first":"%s","last":"%s","reason":"Burst pipe"}""".formatted(day, day));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        if (query != null) {
            request.query(query, "true");
        }
        return api.send(request);
    }

    /** A patient's X-ray at {@link #START}, confirmed on XR-N1 with its cells claimed, as the allocator leaves it. */
    private String confirmedBooking() {
        String id = api.book(api.patientToken(), START);
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        Reservation r = api.reservations.find(new ReservationId(id)).orElseThrow();
        api.ledger.claim(r.id(), Occupancy.of(api.center.examType(TestCenter.XRAY).orElseThrow(), r.start())
                .cells(new ResourceId("XR-N1")));
        return id;
    }

    private AuditEntry lastCenterEntry() {
        return api.staff.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
                .filter(e -> e.action().startsWith("center.")).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theCenterIsReadWithItsVersion() {
        Reply read = api.send(Req.get("/api/v1/admin/center").bearer(admin));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).contains("\"v1\"");
        assertThat(read.body().get("version").asLong()).isEqualTo(1);
        assertThat(read.body().get("resources").findValuesAsText("id")).contains("XR-N1", "MRI-N1");
        assertThat(read.body().at("/examTypes/0/name/en").asText()).isEqualTo("MRI of the knee");
        assertThat(read.body().at("/resources/0/hours/MONDAY/1/from").asText()).isEqualTo("14:00");
        assertThat(read.body().at("/closures/0/id").asText()).hasSize(16);
    }

    @Test
    void aChangeNamesTheVersionItWasMadeFrom() {
        assertThat(closure(null, null, "2027-03-20").code()).isEqualTo("version-required");
        assertThat(closure("\"v7\"", null, "2027-03-20").code()).isEqualTo("center-changed");

        Reply saved = closure("\"v1\"", null, "2027-03-20");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.header("ETag")).contains("\"v2\"");
        assertThat(api.centerVersions.currentNumber()).hasValue(2);
        assertThat(closure("\"v1\"", null, "2027-03-21").code()).isEqualTo("center-changed");
        AuditEntry entry = lastCenterEntry();
        assertThat(entry.action()).isEqualTo("center.closure-added");
        assertThat(entry.after()).containsEntry("first", "2027-03-20").containsEntry("reason", "Burst pipe");
    }

    /**
     * A browser accepts gzip, and an edge that compresses the read (the local edge, CloudFront) weakens its
     * ETag: the version it names is the same, so the change made from it is saved.
     */
    @Test
    void theVersionReadThroughACompressingEdgeIsTheSameVersion() {
        assertThat(closure("W/\"v7\"", null, "2027-03-20").code()).isEqualTo("center-changed");

        Reply saved = closure("W/\"v1\"", null, "2027-03-20");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(api.centerVersions.currentNumber()).hasValue(2);
    }

    @Test
    void aClosureOverABookedDayShowsThePatientsAndCancelsThemOnlyWhenConfirmed() {
        String booked = confirmedBooking();

        Reply preview = closure("\"v1\"", "dryRun", "2027-03-02");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("saved").asBoolean()).isFalse();
        assertThat(preview.body().at("/stranded/0/id").asText()).isEqualTo(booked);
        assertThat(preview.body().at("/stranded/0/patient").asText()).isEqualTo("Maria Rossi");
        assertThat(preview.body().at("/stranded/0/email").asText()).contains("***@example.org");
        assertThat(preview.body().at("/stranded/0/phone").asText()).doesNotContain("3471234");
        assertThat(api.centerVersions.currentNumber()).hasValue(1);

        assertThat(closure("\"v1\"", null, "2027-03-02").code()).isEqualTo("strands-bookings");
        assertThat(api.centerVersions.currentNumber()).hasValue(1);
        assertThat(api.queue.sent()).extracting(ReservationCommand::type).doesNotContain(ReservationCommand.Type.CANCEL);

        Reply confirmed = closure("\"v1\"", "cancelStranded", "2027-03-02");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("cancelled").get(0).asText()).isEqualTo(booked);
        Reservation recorded = api.reservations.find(new ReservationId(booked)).orElseThrow();
        assertThat(recorded.cancelRequestedAt()).isPresent();
        assertThat(recorded.reason()).contains(RejectionReason.CENTER_CLOSED);
        assertThat(api.queue.sent()).contains(new ReservationCommand(ReservationCommand.Type.CANCEL,
                recorded.id(), recorded.correlationId()));
        assertThat(lastCenterEntry().after()).containsEntry("cancelled", booked);
    }

    @Test
    void aChangeThatStrandsNoOneIsSavedAtOnce() {
        confirmedBooking();

        Reply other = closure("\"v1\"", null, "2027-03-03");

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body().get("stranded")).isEmpty();
    }

    @Test
    void shorterHoursAndARemovedResourceStrandTheirBookingsToo() {
        String booked = confirmedBooking();
        Reply morningsOnly = api.send(Req.of("PUT", "/api/v1/admin/resources/{id}").path("id", "XR-N1").bearer(admin)
                .header("If-Match", "\"v1\"").query("dryRun", "true").json("""
                        {"site":"ROMA-NORD","name":"X-ray 1","kind":"XRAY_ROOM","performs":["XRAY-CHEST"],
                         "hours":{"TUESDAY":[{"from":"08:00","to":"09:00"}]}}"""));
        Reply removed = api.send(Req.delete("/api/v1/admin/resources/{id}").path("id", "XR-N1").bearer(admin)
                .header("If-Match", "\"v1\"").query("dryRun", "true"));

        assertThat(morningsOnly.body().get("stranded").findValuesAsText("id")).containsExactly(booked);
        assertThat(removed.body().get("stranded").findValuesAsText("id")).containsExactly(booked);
    }

    @Test
    void badInputIsRefusedAndSavesNothing() {
        Reply bad = api.send(Req.of("PUT", "/api/v1/admin/resources/{id}").path("id", "XR-N9").bearer(admin)
                .header("If-Match", "\"v1\"").json("""
                        {"site":"roma nord","kind":"xray","performs":["XRAY-CHEST"],
                         "hours":{"FUNDAY":[{"from":"8","to":"09:00"}]}}"""));
        Reply unknownSite = api.send(Req.of("PUT", "/api/v1/admin/resources/{id}").path("id", "XR-N9").bearer(admin)
                .header("If-Match", "\"v1\"").json("""
                        {"site":"ROMA-EST","name":"X","kind":"XRAY_ROOM","performs":["XRAY-CHEST"],"hours":{}}"""));
        Reply badExam = api.send(Req.of("PUT", "/api/v1/admin/exam-types/{code}").path("code", "US-ABD").bearer(admin)
                .header("If-Match", "\"v1\"").json("""
                        {"name":{"en":"Abdominal ultrasound"},"preparation":{"en":"Fast","it":"Digiuno"},
                         "durationMinutes":7,"needs":[]}"""));
        Reply badZone = api.send(Req.of("PUT", "/api/v1/admin/sites/{id}").path("id", "ROMA-EST").bearer(admin)
                .header("If-Match", "\"v1\"").json("""
                        {"name":"Roma Est","address":"Via Tiburtina 1","zone":"Mars/Olympus"}"""));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).contains("site", "name", "kind", "hours");
        assertThat(unknownSite.status()).isEqualTo(422);
        assertThat(unknownSite.code()).isEqualTo("invalid-center");
        assertThat(badExam.body().get("errors").findValuesAsText("field"))
                .contains("name.it", "durationMinutes", "needs");
        assertThat(badZone.body().get("errors").findValuesAsText("field")).containsExactly("zone");
        assertThat(api.centerVersions.currentNumber()).hasValue(1);
    }

    @Test
    void aNewSiteExamTypeAndResourceAreBookable() {
        api.send(Req.of("PUT", "/api/v1/admin/sites/{id}").path("id", "ROMA-EST").bearer(admin)
                .header("If-Match", "\"v1\"").json("""
                        {"name":"Roma Est","address":"Via Tiburtina 1","zone":"Europe/Rome"}"""));
        api.send(Req.of("PUT", "/api/v1/admin/exam-types/{code}").path("code", "US-ABD").bearer(admin)
                .header("If-Match", "\"v2\"").json("""
                        {"name":{"en":"Abdominal ultrasound","it":"Ecografia addominale"},
                         "preparation":{"en":"Fast for 6 hours.","it":"Digiuno da 6 ore."},
                         "durationMinutes":20,"setUpMinutes":5,"turnoverMinutes":5,"needs":["US_ROOM"]}"""));
        Reply resource = api.send(Req.of("PUT", "/api/v1/admin/resources/{id}").path("id", "US-E1").bearer(admin)
                .header("If-Match", "\"v3\"").json("""
                        {"site":"ROMA-EST","name":"Ultrasound 1","kind":"US_ROOM","performs":["US-ABD"],
                         "hours":{"TUESDAY":[{"from":"08:00","to":"12:00"},{"from":"13:00","to":"17:00"}]}}"""));

        assertThat(resource.status()).isEqualTo(200);
        assertThat(resource.header("ETag")).contains("\"v4\"");
        Reply offered = api.send(Req.get("/api/v1/exam-types"));
        assertThat(offered.body().findValuesAsText("code")).contains("US-ABD");
        Reply times = api.send(Req.get("/api/v1/availability").query("examType", "US-ABD")
                .query("from", "2027-03-02").query("to", "2027-03-02"));
        // on the 15-minute grid, with 5 minutes of set-up before and of turnover after, within each period
        assertThat(times.body().findValuesAsText("start")).contains("2027-03-02T08:15:00+01:00",
                "2027-03-02T11:30:00+01:00", "2027-03-02T13:15:00+01:00")
                .doesNotContain("2027-03-02T08:00:00+01:00", "2027-03-02T11:45:00+01:00");
    }
}
