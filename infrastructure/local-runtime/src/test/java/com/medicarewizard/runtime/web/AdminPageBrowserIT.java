package com.medicarewizard.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.staff.BootstrapAdmin;
import com.medicarewizard.runtime.pipeline.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: the center's staff page. The first administrator opens the link the bootstrap made, sets a
 * password and logs in; adds a front-desk member (who sets their own password from the invitation e-mail
 * and is told the page is for administrators); closes a booked day, sees the patient first and confirms:
 * the booking is cancelled by the center (CENTER_CLOSED) and the patient told by e-mail and SMS; the audit
 * trail lists every step. Each state is checked with axe-core in English and in Italian.
 */
class AdminPageBrowserIT extends WebsiteSuite {
    private static final Pattern INVITATION = Pattern.compile("(http\\S+/admin#invitation=\\S+)");
    private static final String PASSWORD = "a long staff passphrase";
    private static final String SITE = "ROMA-NORD";
    private static final String EXAM = "MRI-KNEE";

    @Test
    void anAdministratorClosesABookedDayAfterSeeingThePatientAndEveryStepIsAudited() {
        String patientEmail = "closed-" + System.nanoTime() + "@example.org";
        Reservation booked = bookedPatient(patientEmail, "+393470000181", 2);
        LocalDate day = dayOf(booked);
        Reservation later = bookedPatient("later-" + System.nanoTime() + "@example.org", "+393470000182", 5);
        assertThat(dayOf(later)).as("a second booked day for the preview in Italian").isNotEqualTo(day);
        String admin = "admin-" + System.nanoTime() + "@example.org";
        var invited = (BootstrapAdmin.Outcome.Invited) runtime.bootstrapAdmin(new EmailAddress(admin), "Giulia Bianchi");
        assertThat(invited.link().getPath()).isEqualTo("/admin");
        String desk = "desk-" + System.nanoTime() + "@example.org";

        try (Browser browser = new Browser(chromium, invited.link().resolve("/"), "en-GB")) {
            browser.driver().get(invited.link().toString());
            setsAPasswordWithTheInvitation(browser, "admin-invitation");
            logIn(browser, admin);
            browser.text("#who", "Giulia Bianchi (Administrator)");
            browser.visible("#staff-table tr[data-member='" + admin + "']");
            browser.visible("#exams-table tbody tr");
            browser.capture("admin-console");

            addsAFrontDeskMember(browser, desk);
            aFrontDeskMemberIsToldThePageIsForAdministrators(desk);

            closeTheDay(browser, day, "Burst pipe");
            browser.text("#preview-heading", "1 booking on these days");
            assertThat(browser.find("#stranded-table tbody").getText()).contains("Anna Rossi",
                    new EmailAddress(patientEmail).masked(), atTheSite(booked));
            assertThat(browser.find("#closure-confirm").getText()).isEqualTo("Cancel this booking and close");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("preview-heading");
            browser.capture("admin-closure-preview");
            browser.find("#closure-confirm").click();
            browser.text("#center-status", "The closure is saved; 1 booking is being cancelled");
            browser.text("#closures-table tbody", "Burst pipe");
            browser.capture("admin-closure-saved");

            theAuditTrailListsEveryStepNewestFirst(browser);
            theStatesInItalian(browser, dayOf(later));
        }
        thePatientIsToldTheCenterClosed(booked, patientEmail);
    }

    @Test
    void aWrongInvitationOrPasswordIsSaidInWordsAndTheTokenLeavesTheAddress() {
        try (Browser browser = browser("it-IT")) {
            browser.open("/admin#invitation=not-a-real-token");
            browser.visible("#invitation-form");
            assertThat(browser.script("return location.hash")).isEqualTo("");
            browser.type("#new-password", "short");
            browser.type("#repeat-password", "shorter");
            browser.find("#invitation-form button[type=submit]").click();
            browser.text("#repeat-password-error", "Le due password non coincidono");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("repeat-password");
            browser.type("#repeat-password", "short");
            browser.find("#invitation-form button[type=submit]").click();
            browser.text("#invitation-error", "Questo invito è sbagliato");
            browser.capture("admin-invitation-invalid-it");

            browser.find("#to-login").click();
            browser.type("#staff-email", "nobody-" + System.nanoTime() + "@example.org");
            browser.type("#staff-password", "not the password at all");
            browser.find("#login-form button[type=submit]").click();
            browser.text("#login-error", "L’indirizzo e-mail o la password non sono corretti.");
            browser.capture("admin-login-refused-it");
        }
    }

    private static void setsAPasswordWithTheInvitation(Browser browser, String capture) {
        browser.visible("#invitation-form");
        assertThat(browser.script("return location.hash")).as("the token leaves the address").isEqualTo("");
        browser.capture(capture);
        browser.type("#new-password", PASSWORD);
        browser.type("#repeat-password", PASSWORD);
        browser.find("#invitation-form button[type=submit]").click();
        browser.visible("#login-form");
    }

    private static void logIn(Browser browser, String email) {
        browser.type("#staff-email", email);
        browser.type("#staff-password", PASSWORD);
        browser.find("#login-form button[type=submit]").click();
        browser.visible("#signed-in");
    }

    private static void addsAFrontDeskMember(Browser browser, String email) {
        browser.type("#member-name", "Marco Verdi");
        browser.type("#member-email", email);
        new Select(browser.find("#member-role")).selectByValue("front-desk");
        browser.find("#add-staff-form button[type=submit]").click();
        browser.text("#staff-status", "Marco Verdi was added; the invitation went to " + email);
        assertThat(browser.visible("#staff-table tr[data-member='" + email + "'] td[data-role]").getText())
                .isEqualTo("Front desk");
        browser.capture("admin-staff-added");
    }

    /** The new member sets their password from the e-mailed link, in Italian, and logs in: not their page. */
    private static void aFrontDeskMemberIsToldThePageIsForAdministrators(String email) {
        URI link = URI.create(await().atMost(Duration.ofSeconds(60)).until(() -> invitationTo(email), l -> l != null));
        try (Browser browser = new Browser(chromium, link.resolve("/"), "it-IT")) {
            browser.driver().get(link.toString());
            setsAPasswordWithTheInvitation(browser, "admin-invitation-it");
            browser.text("#notice", "La password è impostata");
            browser.capture("admin-login-it");
            logIn(browser, email);
            browser.text("#not-admin", "Questa pagina è per gli amministratori del centro");
            assertThat(browser.find("#console").isDisplayed()).isFalse();
            browser.capture("admin-front-desk-it");
        }
    }

    private static String invitationTo(String email) {
        return runtime.outbox().entries().stream()
                .filter(e -> "EMAIL".equals(e.path("channel").asText()) && email.equals(e.path("to").asText()))
                .map(e -> INVITATION.matcher(e.path("text").asText())).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElse(null);
    }

    private static void closeTheDay(Browser browser, LocalDate day, String reason) {
        new Select(browser.find("#closure-site")).selectByValue(SITE);
        setDate(browser, "#closure-first", day);
        setDate(browser, "#closure-last", day);
        browser.type("#closure-reason", reason);
        browser.find("#closure-form button[type=submit]").click();
        browser.visible("#closure-preview");
    }

    private static void theAuditTrailListsEveryStepNewestFirst(Browser browser) {
        // a range around today (UTC days), so that a run across midnight finds its own steps
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        setDate(browser, "#audit-from", today.minusDays(1));
        setDate(browser, "#audit-to", today.plusDays(1));
        browser.find("#audit-form button[type=submit]").click();
        browser.until(d -> actions(browser).contains("center.closure-added"));
        List<String> actions = actions(browser);
        assertThat(actions.getFirst()).isEqualTo("center.closure-added");
        assertThat(actions).contains("staff.created", "staff.password-set", "staff.logged-in");
        assertThat(browser.find("#audit-table tbody").getText()).contains("Closure added", "Burst pipe");
        browser.capture("admin-audit");
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Browser browser) {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#audit-table tbody tr')].map(tr => tr.dataset.action)");
    }

    /** The same page after choosing Italian: the console, a preview (left without closing) and the log-out. */
    private static void theStatesInItalian(Browser browser, LocalDate day) {
        new Select(browser.find("#language")).selectByValue("it");
        browser.text("main h1", "Amministrazione del centro");
        browser.visible("#console");
        browser.visible("#audit-status");
        browser.capture("admin-console-it");
        closeTheDay(browser, day, "Manutenzione");
        browser.text("#preview-heading", "1 prenotazione in questi giorni");
        assertThat(browser.find("#closure-confirm").getText()).isEqualTo("Annulla questa prenotazione e chiudi");
        browser.capture("admin-closure-preview-it");
        browser.find("#closure-back").click();
        assertThat(browser.find("#closure-preview").isDisplayed()).isFalse();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("closure-first");
        browser.find("#staff-logout").click();
        browser.text("#notice", "Sei uscito.");
        browser.visible("#login-form");
        assertThat(browser.script("return sessionStorage.getItem('mcw.staffSession')")).isNull();
        browser.capture("admin-logged-out-it");
    }

    private static void thePatientIsToldTheCenterClosed(Reservation booked, String email) {
        Reservation cancelled = await().atMost(Duration.ofSeconds(60)).until(
                () -> runtime.reservations().find(booked.id()).orElseThrow(),
                r -> r.status() == ReservationStatus.CANCELLED);
        assertThat(cancelled.reason()).contains(RejectionReason.CENTER_CLOSED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(outbox("EMAIL", email)).anySatisfy(mail ->
                    assertThat(mail.path("subject").asText()).startsWith("Cancelled by the center: "));
            assertThat(outbox("SMS", "+393470000181")).anySatisfy(sms ->
                    assertThat(sms.path("text").asText()).contains("the center had to cancel"));
        });
    }

    private static List<JsonNode> outbox(String channel, String to) {
        return runtime.outbox().entries().stream()
                .filter(e -> e.path("channel").asText().equals(channel) && e.path("to").asText().equals(to)).toList();
    }

    /** A patient (English, their own mobile) with a confirmed MRI at the site, at least {@code daysAhead} days out. */
    private static Reservation bookedPatient(String email, String phone, int daysAhead) {
        String password = "a long passphrase " + System.nanoTime();
        ApiClient.Answer registered = api().post("/api/v1/patients", """
                {"email":"%s","password":"%s","firstName":"Anna","lastName":"Rossi","phone":"%s",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10","language":"en"}"""
                .formatted(email, password, phone));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        return bookConfirmed(apiAs(new Patient(email, password)), EXAM,
                freeStart(EXAM, SITE, daysAhead).get("start").asText(), SITE);
    }

    private static LocalDate dayOf(Reservation reservation) {
        return reservation.start().atZone(ROME).toLocalDate();
    }

    /** The booking's time as the preview shows it: in the site's zone, whatever the browser's. */
    private static String atTheSite(Reservation reservation) {
        return OffsetDateTime.ofInstant(reservation.start(), ROME).format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** A date field filled as a date picker does (typing into one depends on the browser's locale). */
    private static void setDate(Browser browser, String css, LocalDate day) {
        browser.script("""
                const field = document.querySelector(arguments[0]);
                field.value = arguments[1];
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));""", css, day.toString());
    }
}
