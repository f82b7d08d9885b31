package com.medicarewizard.intake;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.PasswordResets;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, finding 1: a patient who forgot their password, or was locked out, sets a new one with a code by e-mail. */
class PasswordResetRoutesTest {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4}) (\\d{4})\\b");
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private final Api api = new Api();

    private Reply ask(String email) {
        return api.send(Req.post("/api/v1/auth/password-reset").json("{\"email\":\"" + email + "\"}"));
    }

    private Reply complete(String email, String code, String password) {
        return api.send(Req.post("/api/v1/auth/password-reset/complete").json(
                "{\"email\":\"%s\",\"code\":\"%s\",\"password\":\"%s\"}".formatted(email, code, password)));
    }

    /** The code of the last e-mail sent to the address, as written there (two groups of four digits). */
    private String codeSentTo(String email) {
        List<Email> sent = api.mail.to(email);
        assertThat(sent).isNotEmpty();
        Matcher code = CODE.matcher(sent.get(sent.size() - 1).text());
        assertThat(code.find()).as("a code in %s", sent.get(sent.size() - 1).text()).isTrue();
        return code.group(1) + " " + code.group(2);
    }

    @Test
    void aCodeIsSentToAnAccountsAddressAndTheAnswerIsTheSameForAnyAddress() {
        String email = api.registerPatient();

        Reply known = ask(email);
        Reply unknown = ask("nobody@example.org");

        assertThat(known.status()).isEqualTo(202);
        assertThat(known.body().get("expiresIn").asLong()).isEqualTo(1800);
        assertThat(known.header("Cache-Control")).contains("no-store");
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.rawBody()).isEqualTo(known.rawBody());
        assertThat(api.mail.sent()).hasSize(1);
        Email sent = api.mail.sent().get(0);
        assertThat(sent.to()).isEqualTo(email);
        assertThat(sent.subject()).isEqualTo("Your MediCareWizard password reset code");
        assertThat(sent.text()).contains("Hello Maria", "within 30 minutes");
        // only the code's hash is kept
        String code = codeSentTo(email).replace(" ", "");
        var patient = api.patients.byEmail(new EmailAddress(email)).orElseThrow().id();
        assertThat(api.resets.find(patient, api.clock.instant())).hasValueSatisfying(reset -> assertThat(reset.codeHash())
                .matches("[0-9a-f]{64}").doesNotContain(code).isEqualTo(Digests.sha256Hex(patient.value() + ":" + code)));
    }

    @Test
    void theRightCodeSetsTheNewPasswordRevokesEverySessionAndTellsThePatient() {
        String email = api.registerPatient();
        String before = api.login(email, Api.PASSWORD).text("accessToken");
        ask(email);

        Reply done = complete(email, codeSentTo(email), NEW_PASSWORD);

        assertThat(done.status()).isEqualTo(204);
        assertThat(api.send(Req.get("/api/v1/me").bearer(before)).status()).isEqualTo(401);
        assertThat(api.tokens.all()).isEmpty();
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(401);
        assertThat(api.login(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(api.mail.to(email)).extracting(Email::subject)
                .containsExactly("Your MediCareWizard password reset code", "Your MediCareWizard password was changed");
    }

    @Test
    void aResetEndsALockOut() {
        String email = api.registerPatient();
        for (int i = 0; i < 6; i++) {
            api.login(email, "not the password");
        }
        Reply locked = api.login(email, Api.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        ask(email);

        assertThat(complete(email, codeSentTo(email), NEW_PASSWORD).status()).isEqualTo(204);

        assertThat(api.login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aCodeWorksOnce() {
        String email = api.registerPatient();
        ask(email);
        String code = codeSentTo(email);
        assertThat(complete(email, code, NEW_PASSWORD).status()).isEqualTo(204);

        Reply again = complete(email, code, "yet another passphrase");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("invalid-reset-code");
        assertThat(api.login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aCodeExpiresAfterThirtyMinutes() {
        String email = api.registerPatient();
        ask(email);
        String code = codeSentTo(email);
        api.clock.advance(Duration.ofMinutes(30));

        assertThat(complete(email, code, NEW_PASSWORD).code()).isEqualTo("invalid-reset-code");
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aNewCodeReplacesTheEarlierOne() {
        String email = api.registerPatient();
        ask(email);
        String first = codeSentTo(email);
        ask(email);
        String second = codeSentTo(email);
        if (first.equals(second)) {
            return; // one chance in 100 million: nothing to tell apart
        }

        assertThat(complete(email, first, NEW_PASSWORD).code()).isEqualTo("invalid-reset-code");
        assertThat(complete(email, second, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void fiveWrongCodesUseTheResetUp() {
        String email = api.registerPatient();
        ask(email);
        String code = codeSentTo(email);
        String wrong = code.equals("0000 0000") ? "1111 1111" : "0000 0000";
        for (int i = 0; i < PasswordResets.MAX_WRONG_CODES; i++) {
            assertThat(complete(email, wrong, NEW_PASSWORD).code()).isEqualTo("invalid-reset-code");
        }

        assertThat(complete(email, code, NEW_PASSWORD).code()).isEqualTo("invalid-reset-code");
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void oneAccountsCodeDoesNotResetAnother() {
        String mine = api.registerPatient();
        String theirs = api.registerPatient();
        ask(mine);
        ask(theirs);

        assertThat(complete(theirs, codeSentTo(mine), NEW_PASSWORD).code()).isEqualTo("invalid-reset-code");
        assertThat(complete("nobody@example.org", codeSentTo(mine), NEW_PASSWORD).code()).isEqualTo("invalid-reset-code");
        assertThat(api.login(theirs, Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aWeakPasswordIsRefusedByFieldAndTheCodeStillWorks() {
        String email = api.registerPatient();
        ask(email);
        String code = codeSentTo(email);

        Reply weak = complete(email, code, "short");

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(weak.body().get("errors").get(0).get("reason").asText()).isEqualTo("too-short");
        assertThat(complete(email, code.replace(" ", "-"), NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() {
        String email = api.registerPatient();
        ask(email);
        String code = codeSentTo(email);

        assertThat(ask("not an address").status()).isEqualTo(400);
        assertThat(api.send(Req.post("/api/v1/auth/password-reset").json("{}")).status()).isEqualTo(400);
        Reply shape = complete(email, "12ab", NEW_PASSWORD);
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.body().get("errors").get(0).get("reason").asText()).isEqualTo("code-shape");
        assertThat(api.send(Req.post("/api/v1/auth/password-reset/complete").json("[]")).status()).isEqualTo(400);

        assertThat(api.mail.sent()).hasSize(1);
        assertThat(complete(email, code, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void threeCodesAnHourPerAddressThenTooManyRequests() {
        String email = api.registerPatient();
        for (int i = 0; i < 3; i++) {
            assertThat(ask(email).status()).isEqualTo(202);
        }

        Reply fourth = ask(email);

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.code()).isEqualTo("too-many-reset-codes");
        assertThat(fourth.header("Retry-After")).isPresent();
        assertThat(api.mail.sent()).hasSize(3);
        api.clock.advance(Duration.ofHours(1));
        assertThat(ask(email).status()).isEqualTo(202);
    }

    @Test
    void triesFromOneClientAreLimited() {
        String email = api.registerPatient();
        ask(email);
        Reply last = null;
        for (int i = 0; i < 31; i++) {
            last = api.send(Req.post("/api/v1/auth/password-reset/complete").from("203.0.113.9").json(
                    "{\"email\":\"nobody%d@example.org\",\"code\":\"12345678\",\"password\":\"%s\"}".formatted(i, NEW_PASSWORD)));
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("too-many-attempts");
    }

    @Test
    void aRefusedMailIsA503ThatCountsNothing() {
        String email = api.registerPatient();
        api.mail.refusing = true;

        Reply refused = ask(email);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("mail-unavailable");
        assertThat(refused.header("Retry-After")).contains("60");
        api.mail.refusing = false;
        for (int i = 0; i < 3; i++) {
            assertThat(ask(email).status()).isEqualTo(202);
        }
    }

    @Test
    void anItalianPatientGetsTheCodeInItalian() {
        String email = "italiano" + System.nanoTime() + "@example.org";
        Reply registered = api.send(Req.post("/api/v1/patients").json(Api.registration(email, Api.PASSWORD)
                .replace("\"dateOfBirth\"", "\"language\":\"it\",\"dateOfBirth\"")));
        assertThat(registered.status()).isEqualTo(201);

        ask(email);

        Email sent = api.mail.to(email).get(0);
        assertThat(sent.subject()).isEqualTo("Il tuo codice per reimpostare la password di MediCareWizard");
        assertThat(sent.text()).contains("Ciao Maria", "entro 30 minuti");
        assertThat(codeSentTo(email)).matches("\\d{4} \\d{4}");
    }
}
