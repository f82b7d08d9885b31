package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.staff.BootstrapAdmin;
import com.medicarewizard.port.Notifications.Email;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Issue 18: the staff's own accounts, invitations, log-ins and audit trail, through the API. */
class StaffRoutesTest {
    private static final Pattern LINK = Pattern.compile("https://booking\\.example\\.org/admin#invitation=(\\S+)");
    private static final String PASSWORD = "a long staff passphrase";
    private final Api api = new Api();

    private String bootstrapLink(String email) {
        api.clock.advance(Duration.ofSeconds(1));
        var outcome = new BootstrapAdmin(api.staff, api.clock).run(new EmailAddress(email), "Anna Bianchi", Api.SITE);
        assertThat(outcome).isInstanceOf(BootstrapAdmin.Outcome.Invited.class);
        return ((BootstrapAdmin.Outcome.Invited) outcome).link().toString();
    }

    private static String token(String link) {
        Matcher m = LINK.matcher(link);
        assertThat(m.find()).as(link).isTrue();
        return m.group(1);
    }

    private Reply accept(String token, String password) {
        api.clock.advance(Duration.ofSeconds(1)); // one entry a second: the trail's order is the actions'
        return api.send(Req.post("/api/v1/staff/invitation")
                .json("{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, password)));
    }

    private Reply logIn(String email, String password) {
        api.clock.advance(Duration.ofSeconds(1)); // one entry a second: the trail's order is the actions'
        return api.send(Req.post("/api/v1/staff/auth/token")
                .json("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)));
    }

    /** The first administrator, bootstrapped, with a password set and logged in: their token. */
    private String admin() {
        assertThat(accept(token(bootstrapLink("anna@example.org")), PASSWORD).status()).isEqualTo(204);
        return logIn("anna@example.org", PASSWORD).text("accessToken");
    }

    private Reply create(String adminToken, String email, String role) {
        api.clock.advance(Duration.ofSeconds(1)); // one entry a second: the trail's order is the actions'
        return api.send(Req.post("/api/v1/admin/staff").bearer(adminToken)
                .json("{\"email\":\"%s\",\"name\":\"Luca Verdi\",\"role\":\"%s\"}".formatted(email, role)));
    }

    private Reply change(String adminToken, String id, String json) {
        api.clock.advance(Duration.ofSeconds(1)); // one entry a second: the trail's order is the actions'
        return api.send(Req.of("PATCH", "/api/v1/admin/staff/{id}").path("id", id).bearer(adminToken).json(json));
    }

    private List<String> actions() {
        return api.staff.between(Instant.EPOCH, Instant.MAX).stream().map(AuditEntry::action).toList();
    }

    @Test
    void theBootstrapLinkSetsTheFirstAdministratorsPasswordOnce() {
        String token = token(bootstrapLink("anna@example.org"));

        Reply weak = accept(token, "password");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().at("/errors/0/field").asText()).isEqualTo("password");
        assertThat(accept(token, PASSWORD).status()).isEqualTo(204);
        assertThat(accept(token, PASSWORD + "!").code()).isEqualTo("invalid-invitation");

        Reply login = logIn("anna@example.org", PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("role")).isEqualTo("admin");
        assertThat(login.header("Cache-Control")).contains("no-store");
        Reply me = api.send(Req.get("/api/v1/staff/me").bearer(login.text("accessToken")));
        assertThat(me.text("email")).isEqualTo("anna@example.org");
        assertThat(me.rawBody()).doesNotContain("argon", "$2a$", "hash");
        assertThat(actions()).containsExactly("staff.created", "staff.password-set", "staff.logged-in");
        assertThat(api.staff.between(Instant.EPOCH, Instant.MAX).getFirst().actor()).isEqualTo(AuditEntry.BOOTSTRAP);
    }

    @Test
    void theBootstrapRunsOnlyUntilAnAdministratorHasAPassword() {
        String first = token(bootstrapLink("anna@example.org"));
        String second = token(bootstrapLink("anna@example.org"));

        assertThat(accept(first, PASSWORD).code()).isEqualTo("invalid-invitation");
        assertThat(accept(second, PASSWORD).status()).isEqualTo(204);
        assertThat(new BootstrapAdmin(api.staff, api.clock).run(new EmailAddress("mallory@example.org"), "M", Api.SITE))
                .isInstanceOf(BootstrapAdmin.Outcome.Refused.class);
        assertThat(api.staff.all()).hasSize(1);
    }

    @Test
    void anInvitationExpiresAndAWrongOrMalformedTokenIsTheSameRefusal() {
        String token = token(bootstrapLink("anna@example.org"));

        // another last character (the token's own is 'A' one time in 64)
        char other = token.endsWith("A") ? 'B' : 'A';
        assertThat(accept(token.substring(0, token.length() - 1) + other, PASSWORD).code())
                .isEqualTo("invalid-invitation");
        assertThat(accept("not-a-token", PASSWORD).code()).isEqualTo("invalid-invitation");
        api.clock.advance(Duration.ofDays(3).minusSeconds(3));
        assertThat(accept(token, PASSWORD).code()).isEqualTo("invalid-invitation");
    }

    @Test
    void anAdministratorMakesAMemberWhoseInvitationGoesToTheMemberAlone() {
        String admin = admin();

        Reply made = create(admin, "luca@example.org", "front-desk");

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.text("role")).isEqualTo("front-desk");
        assertThat(made.body().get("passwordSet").asBoolean()).isFalse();
        assertThat(made.header("Location")).contains("/api/v1/admin/staff/" + made.text("id"));
        assertThat(made.rawBody()).doesNotContain("invitation=");
        List<Email> sent = api.mail.to("luca@example.org");
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().text()).contains("Ciao Luca Verdi", "Hello Luca Verdi", "front-desk");
        assertThat(accept(token(sent.getFirst().text()), PASSWORD).status()).isEqualTo(204);
        Reply desk = logIn("luca@example.org", PASSWORD);
        assertThat(desk.text("role")).isEqualTo("front-desk");
        assertThat(api.send(Req.get("/api/v1/admin/staff").bearer(desk.text("accessToken"))).status()).isEqualTo(403);
        assertThat(api.send(Req.get("/api/v1/staff/me").bearer(desk.text("accessToken"))).status()).isEqualTo(200);
        assertThat(create(admin, "LUCA@example.org", "admin").code()).isEqualTo("email-taken");
    }

    @Test
    void badInputMakesNoMember() {
        String admin = admin();

        Reply bad = create(admin, "not an address", "janitor");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "role");
        assertThat(api.staff.all()).hasSize(1);
        assertThat(api.mail.sent()).isEmpty();
        assertThat(change(admin, "not-an-id", "{\"active\":false}").status()).isEqualTo(404);
        String id = create(admin, "luca@example.org", "front-desk").text("id");
        assertThat(change(admin, id, "{}").status()).isEqualTo(400);
        assertThat(change(admin, id, "{\"active\":\"no\"}").status()).isEqualTo(400);
    }

    @Test
    void theLastActiveAdministratorStaysOne() {
        String admin = admin();
        String annaId = api.send(Req.get("/api/v1/staff/me").bearer(admin)).text("id");

        assertThat(change(admin, annaId, "{\"role\":\"front-desk\"}").code()).isEqualTo("last-admin");
        assertThat(change(admin, annaId, "{\"active\":false}").code()).isEqualTo("last-admin");
        String lucaId = create(admin, "luca@example.org", "admin").text("id");
        Reply demoted = change(admin, annaId, "{\"role\":\"front-desk\"}");

        assertThat(demoted.status()).isEqualTo(200);
        assertThat(demoted.text("role")).isEqualTo("front-desk");
        assertThat(api.send(Req.get("/api/v1/admin/staff").bearer(admin)).status()).isEqualTo(403);
        AuditEntry changed = api.staff.between(Instant.EPOCH, Instant.MAX).getLast();
        assertThat(changed.action()).isEqualTo("staff.changed");
        assertThat(changed.before()).containsEntry("role", "admin");
        assertThat(changed.after()).containsEntry("role", "front-desk");
        assertThat(changed.subject()).isEqualTo("staff/" + annaId);
        assertThat(lucaId).isNotEqualTo(annaId);
    }

    @Test
    void aMemberMadeInactiveIsOutAtOnceAndCannotLogIn() {
        String admin = admin();
        String id = create(admin, "luca@example.org", "front-desk").text("id");
        accept(token(api.mail.to("luca@example.org").getFirst().text()), PASSWORD);
        String desk = logIn("luca@example.org", PASSWORD).text("accessToken");

        assertThat(change(admin, id, "{\"active\":false}").status()).isEqualTo(200);

        assertThat(api.send(Req.get("/api/v1/staff/me").bearer(desk)).status()).isEqualTo(403);
        Reply again = logIn("luca@example.org", PASSWORD);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.problemWithoutInstance()).isEqualTo(logIn("nobody@example.org", PASSWORD).problemWithoutInstance());
    }

    @Test
    void aLoggedOutTokenNoLongerWorks() {
        String admin = admin();

        api.clock.advance(Duration.ofSeconds(1));
        assertThat(api.send(Req.post("/api/v1/staff/auth/logout").bearer(admin)).status()).isEqualTo(204);

        assertThat(api.send(Req.get("/api/v1/staff/me").bearer(admin)).status()).isEqualTo(403);
        assertThat(actions()).endsWith("staff.logged-out");
    }

    @Test
    void staffLogInsAreThrottledApartFromThePatients() {
        admin();
        String patient = api.registerPatient();
        Req attempt = Req.post("/api/v1/staff/auth/token")
                .json("{\"email\":\"anna@example.org\",\"password\":\"wrong password\"}");
        for (int i = 0; i < 5; i++) {
            assertThat(api.send(attempt).status()).isEqualTo(401);
        }

        Reply throttled = api.send(Req.post("/api/v1/staff/auth/token")
                .json("{\"email\":\"anna@example.org\",\"password\":\"%s\"}".formatted(PASSWORD)));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(api.login(patient, Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aPatientsCredentialsAreNoStaffAccount() {
        String patient = api.registerPatient();

        assertThat(logIn(patient, Api.PASSWORD).status()).isEqualTo(401);
        assertThat(api.send(Req.get("/api/v1/staff/me").bearer(api.login(patient, Api.PASSWORD).text("accessToken")))
                .status()).isEqualTo(403);
    }

    @Test
    void theAuditTrailIsReadByDayAndItsSpanIsChecked() {
        String admin = admin();
        create(admin, "luca@example.org", "front-desk");
        String today = api.clock.instant().toString().substring(0, 10);

        Reply trail = api.send(Req.get("/api/v1/admin/audit").bearer(admin).query("from", today).query("to", today));

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().get("entries").findValuesAsText("action"))
                .containsExactly("staff.created", "staff.password-set", "staff.logged-in", "staff.created");
        assertThat(trail.body().get("truncated").asBoolean()).isFalse();
        assertThat(trail.body().at("/entries/3/after/role").asText()).isEqualTo("front-desk");
        assertThat(trail.body().at("/entries/3/actorEmail").asText()).isEqualTo("anna@example.org");
        assertThat(api.send(Req.get("/api/v1/admin/audit").bearer(admin).query("from", "2020-01-01")
                .query("to", "2020-03-01")).status()).isEqualTo(400);
        assertThat(api.send(Req.get("/api/v1/admin/audit").bearer(admin).query("from", "yesterday")).status())
                .isEqualTo(400);
        assertThat(api.send(Req.get("/api/v1/admin/audit").bearer(api.staffToken(StaffRole.FRONT_DESK))).status())
                .isEqualTo(403);
    }
}
