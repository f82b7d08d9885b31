package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

/** {@code GET /api/v1/reservations/{id}/calendar}: only an own confirmed reservation has a calendar file. */
class CalendarRouteTest {
    private static final String START = "2027-03-02T10:00:00+01:00";
    private final Api api = new Api();
    private final String token = api.patientToken();

    @Test
    void anOwnConfirmedReservationIsACalendarFileAtItsInstantInTheSitesZone() throws Exception {
        String id = api.book(token, START);
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));

        Reply reply = api.send(calendar(id, token));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(reply.header("Content-Disposition")).contains("attachment; filename=\"reservation.ics\"");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        VEvent event = new CalendarBuilder().build(new StringReader(reply.rawBody()))
                .<VEvent>getComponent("VEVENT").orElseThrow();
        DtStart<Temporal> start = event.getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Rome");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(Instant.parse("2027-03-02T09:00:00Z"));
        assertThat(event.getProperty("UID").orElseThrow().getValue()).startsWith(id);
    }

    @Test
    void anotherPatientsReservationIsNotFoundLikeAnUnknownOne() {
        String id = api.book(token, START);
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        String other = api.patientToken();

        Reply theirs = api.send(calendar(id, other).requestId("same"));
        Reply unknown = api.send(calendar(ReservationId.random().value(), other).requestId("same"));

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.code()).isEqualTo("not-found");
        assertThat(unknown.rawBody()).isEqualTo(theirs.rawBody());
    }

    @Test
    void aReservationThatIsNotConfirmedHasNoCalendarFile() {
        String pending = api.book(token, START);
        String rejected = api.book(token, "2027-03-02T11:00:00+01:00");
        api.decide(rejected, new Decision.Rejected(RejectionReason.SLOT_TAKEN));
        String cancelled = api.book(token, "2027-03-02T12:00:00+01:00");
        api.decide(cancelled, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        var stored = api.reservations.find(new ReservationId(cancelled)).orElseThrow();
        api.reservations.put(stored.cancel(api.clock.instant()).withVersion(stored.version() + 1));

        for (String id : List.of(pending, rejected, cancelled)) {
            Reply reply = api.send(calendar(id, token));
            assertThat(reply.status()).as(id).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("not-confirmed");
            assertThat(reply.header("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void withoutATokenIsUnauthorized() {
        String id = api.book(token, START);

        Reply reply = api.send(Req.get("/api/v1/reservations/{id}/calendar").path("id", id));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Bearer"));
    }

    private static Req calendar(String id, String bearer) {
        return Req.get("/api/v1/reservations/{id}/calendar").path("id", id).bearer(bearer);
    }
}
