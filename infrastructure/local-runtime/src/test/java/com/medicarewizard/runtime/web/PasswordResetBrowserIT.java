package com.medicarewizard.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.runtime.pipeline.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, finding 1: a patient who forgot their password, or was locked out by someone else's
 * guesses, finds the way back on the log-in page, gets a code by e-mail (the runtime's outbox) and sets
 * a new password; every device logged in before is logged out.
 */
class PasswordResetBrowserIT extends WebsiteSuite {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4} \\d{4})\\b");

    @Test
    void aPatientSetsANewPasswordWithTheCodeSentByEmailAndLogsInWithIt() {
        Patient patient = newPatient();
        ApiClient before = apiAs(patient);
        try (Browser browser = browser("en-GB")) {
            browser.open("/login");
            browser.type("#email", patient.email());
            browser.type("#password", "not the password at all");
            browser.find("#login-form button[type=submit]").click();
            browser.text("#login-error", "not right");
            // the way back sits where the refusal (or a lock-out) is said
            browser.find("#forgot").click();
            browser.until(d -> browser.path().equals("/reset"));
            browser.visible("#request-form");
            browser.capture("reset-request");

            browser.type("#email", patient.email());
            browser.find("#request-form button[type=submit]").click();
            browser.text("#sent", "we have sent it a code");
            browser.capture("reset-code");
            browser.type("#code", codeSentTo(patient.email()));
            browser.type("#password", "a brand new passphrase");
            browser.find("#reset-form button[type=submit]").click();

            browser.text("#notice", "Your password was changed");
            assertThat(browser.path()).isEqualTo("/login?reason=password-reset");
            browser.capture("login-after-reset");
            logIn(browser, new Patient(patient.email(), "a brand new passphrase"));
        }
        assertThat(before.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/token", "{\"email\":\"%s\",\"password\":\"%s\"}"
                .formatted(patient.email(), patient.password())).status()).isEqualTo(401);
        assertThat(mailsTo(patient.email())).extracting(m -> m.path("subject").asText())
                .containsExactly("Your MediCareWizard password reset code", "Your MediCareWizard password was changed");
    }

    @Test
    void aWrongCodeOrAWeakPasswordIsSaidOnItsFieldAndTheCodeStillWorks() {
        Patient patient = newPatient();
        try (Browser browser = browser("it-IT")) {
            browser.open("/reset");
            browser.type("#email", patient.email());
            browser.find("#request-form button[type=submit]").click();
            browser.visible("#reset-form");
            String code = codeSentTo(patient.email());
            String wrong = code.equals("0000 0000") ? "1111 1111" : "0000 0000";

            browser.type("#code", wrong);
            browser.type("#password", "a brand new passphrase");
            browser.find("#reset-form button[type=submit]").click();
            browser.text("#code-error", "Il codice è sbagliato");
            assertThat(browser.find("#code").getAttribute("aria-invalid")).isEqualTo("true");
            browser.capture("reset-wrong-code-it");

            browser.find("#code").clear();
            browser.type("#code", code);
            browser.find("#password").clear();
            browser.type("#password", "short");
            browser.find("#reset-form button[type=submit]").click();
            browser.text("#password-error", "almeno 12 caratteri");
            assertThat(browser.find("#code").getAttribute("aria-invalid")).isNull();

            browser.find("#password").clear();
            browser.type("#password", "una nuova frase lunga");
            browser.find("#reset-form button[type=submit]").click();
            browser.text("#notice", "La tua password è stata cambiata");
        }
    }

    private static List<JsonNode> mailsTo(String email) {
        return runtime.outbox().entries().stream()
                .filter(e -> "EMAIL".equals(e.path("channel").asText()) && email.equals(e.path("to").asText())).toList();
    }

    private static String codeSentTo(String email) {
        List<JsonNode> mails = await().until(() -> mailsTo(email), found -> !found.isEmpty());
        Matcher code = CODE.matcher(mails.get(mails.size() - 1).path("text").asText());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }
}
