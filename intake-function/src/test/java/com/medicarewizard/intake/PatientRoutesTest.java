package com.medicarewizard.intake;

import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PatientRoutesTest {
    private final Api api = new Api();

    @Test
    void registersAPatientWith201AndLocation() {
        Reply reply = api.send(Req.post("/api/v1/patients").json(Api.registration("Maria.Rossi@Example.org", Api.PASSWORD)));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).contains("/api/v1/me");
        assertThat(reply.text("email")).isEqualTo("maria.rossi@example.org");
        assertThat(reply.text("firstName")).isEqualTo("Maria");
        assertThat(reply.text("lastName")).isEqualTo("Rossi");
        assertThat(reply.text("id")).hasSize(36);
        assertThat(reply.body().has("taxCode")).isFalse();
        var stored = api.patients.find(new com.medicarewizard.domain.reservation.PatientId(reply.text("id"))).orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$2a$").doesNotContain(Api.PASSWORD);
        assertThat(stored.language()).isEqualTo("en");
    }

    @Test
    void aSecondAccountForTheSameAddressIs409() {
        api.send(Req.post("/api/v1/patients").json(Api.registration("anna@example.org", Api.PASSWORD)));

        Reply reply = api.send(Req.post("/api/v1/patients").json(Api.registration("ANNA@example.org", "another long secret")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("email-taken");
        assertThat(api.patients.count()).isEqualTo(1);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        String body = """
                {"email":"not-an-address","password":"passwordpassword","firstName":"","lastName":42,
                 "phone":"06 1234 5678","taxCode":"RSSMRA85T10A562X","dateOfBirth":"2030-01-01","language":"de"}""";

        Reply reply = api.send(Req.post("/api/v1/patients").json(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation-failed");
        assertThat(reply.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder(
                "email", "password", "firstName", "lastName", "phone", "taxCode", "dateOfBirth", "language");
        assertThat(reply.rawBody()).doesNotContain("RSSMRA85T10A562X", "06 1234 5678", "passwordpassword");
        assertThat(api.patients.count()).isZero();
    }

    @Test
    void thePhoneAsTheHintWritesItAndATaxCodeWithSpacesAreAcceptedAndKeptNormalised() {
        String body = Api.registration("lucia@example.org", Api.PASSWORD)
                .replace("\"+393471234567\"", "\"+39 347 123 4567\"")
                .replace("\"RSSMRA85T10A562S\"", "\"rss mra 85t10 a562s\"");

        Reply reply = api.send(Req.post("/api/v1/patients").json(body));

        assertThat(reply.status()).isEqualTo(201);
        var patient = api.patients.find(new com.medicarewizard.domain.reservation.PatientId(reply.text("id")))
                .orElseThrow();
        assertThat(patient.phone().value()).isEqualTo("+393471234567");
        assertThat(patient.taxCode().value()).isEqualTo("RSSMRA85T10A562S");
    }

    @Test
    void aRefusedPasswordCarriesTheRuleItBreaksForThePageToWord() {
        String body = Api.registration("nina@example.org", "too short");

        Reply reply = api.send(Req.post("/api/v1/patients").json(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("password");
            assertThat(e.get("reason").asText()).isEqualTo("too-short");
        });
        assertThat(reply.rawBody()).doesNotContain("too short\"");
    }

    @Test
    void aLandlineIsRefusedSayingWhy() {
        String body = Api.registration("piero@example.org", Api.PASSWORD)
                .replace("\"+393471234567\"", "\"+39 06 1234 5678\"");

        Reply reply = api.send(Req.post("/api/v1/patients").json(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("phone");
            assertThat(e.get("message").asText()).contains("not a mobile number");
            assertThat(e.has("reason")).isFalse();
        });
        assertThat(api.patients.count()).isZero();
    }

    @Test
    void missingFieldsAreEachRequired() {
        Reply reply = api.send(Req.post("/api/v1/patients").json("{}"));

        assertThat(reply.body().get("errors")).hasSize(7)
                .allSatisfy(e -> assertThat(e.get("message").asText()).isEqualTo("is required"));
    }

    @ParameterizedTest(name = "password {0} -> {1}")
    @CsvSource({
        "short pass, must be at least 12 characters long",
        "qwertyuiopasdfgh, is too common or easy to guess; choose another",
        "PasswordPassword, is too common or easy to guess; choose another",
        "aaaaaaaaaaaaaaa, is too common or easy to guess; choose another",
        "giulia.bianchi-2027, must not contain your e-mail address",
    })
    void weakPasswordsAreRefusedWithAReason(String password, String message) {
        Reply reply = api.send(Req.post("/api/v1/patients").json(Api.registration("giulia.bianchi@example.org", password)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(reply.body().get("errors").get(0).get("message").asText()).isEqualTo(message);
    }

    @ParameterizedTest(name = "date of birth {0}")
    @CsvSource({"2027-03-01", "2027-03-02", "1896-01-01", "1985-02-30", "10/12/1985"})
    void datesOfBirthMustBeRealAndPastAndNotAbsurd(String date) {
        String body = Api.registration("luca@example.org", Api.PASSWORD).replace("1985-12-10", date);

        Reply reply = api.send(Req.post("/api/v1/patients").json(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors").get(0).get("field").asText()).isEqualTo("dateOfBirth");
    }

    @Test
    void namesLongerThan100CharactersAreRefused() {
        String body = Api.registration("luca@example.org", Api.PASSWORD).replace("\"Maria\"", "\"" + "M".repeat(101) + "\"");

        Reply reply = api.send(Req.post("/api/v1/patients").json(body));

        assertThat(reply.body().get("errors").get(0).get("message").asText()).isEqualTo("must be at most 100 characters long");
    }

    @Test
    void languageComesFromAcceptLanguageWhenNotGiven() {
        Reply reply = api.send(Req.post("/api/v1/patients").header("accept-language", "it-IT,it;q=0.9,en;q=0.8")
                .json(Api.registration("paolo@example.org", Api.PASSWORD)));

        var id = new com.medicarewizard.domain.reservation.PatientId(reply.text("id"));
        assertThat(api.patients.find(id).orElseThrow().language()).isEqualTo("it");
    }

    @Test
    void anExplicitLanguageWins() {
        String body = Api.registration("sara@example.org", Api.PASSWORD).replace("}", ",\"language\":\"it\"}");

        Reply reply = api.send(Req.post("/api/v1/patients").header("Accept-Language", "en").json(body));

        var id = new com.medicarewizard.domain.reservation.PatientId(reply.text("id"));
        assertThat(api.patients.find(id).orElseThrow().language()).isEqualTo("it");
    }

    @Test
    void ownProfileShowsPersonalDataMasked() {
        String token = api.patientToken();

        Reply reply = api.send(Req.get("/api/v1/me").bearer(token));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("taxCode")).isEqualTo("************562S");
        assertThat(reply.text("phone")).isEqualTo("+39*******567");
        assertThat(reply.text("dateOfBirth")).isEqualTo("1985-**-**");
        assertThat(reply.text("firstName")).isEqualTo("Maria");
        assertThat(reply.rawBody()).doesNotContain("RSSMRA85T10A562S", "+393471234567", "1985-12-10", "passwordHash");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void thePatientAsksForTheTwoHourReminderAndTheProfileSaysSo() {
        String token = api.patientToken();
        assertThat(api.send(Req.get("/api/v1/me").bearer(token)).body().get("remindTwoHoursBefore").asBoolean())
                .isFalse();

        Reply reply = api.send(Req.of("PATCH", "/api/v1/me").bearer(token).json("{\"remindTwoHoursBefore\":true}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("remindTwoHoursBefore").asBoolean()).isTrue();
        assertThat(reply.text("taxCode")).isEqualTo("************562S");
        assertThat(api.send(Req.get("/api/v1/me").bearer(token)).body().get("remindTwoHoursBefore").asBoolean())
                .isTrue();
        api.send(Req.of("PATCH", "/api/v1/me").bearer(token).json("{\"remindTwoHoursBefore\":false}"));
        assertThat(api.send(Req.get("/api/v1/me").bearer(token)).body().get("remindTwoHoursBefore").asBoolean())
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"remindTwoHoursBefore\":\"yes\"}", "{\"remindTwoHoursBefore\":1}",
            "{\"remindTwoHoursBefore\":null}", "{\"remindTwoHoursBefore\":true,\"firstName\":\"Eve\"}", "[true]"})
    void aReminderWishThatIsNotABooleanIs400AndChangesNothing(String body) {
        String token = api.patientToken();

        Reply reply = api.send(Req.of("PATCH", "/api/v1/me").bearer(token).json(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        Reply profile = api.send(Req.get("/api/v1/me").bearer(token));
        assertThat(profile.body().get("remindTwoHoursBefore").asBoolean()).isFalse();
        assertThat(profile.text("firstName")).isEqualTo("Maria");
    }

    @Test
    void changingTheProfileNeedsAToken() {
        assertThat(api.send(Req.of("PATCH", "/api/v1/me").json("{\"remindTwoHoursBefore\":true}")).status())
                .isEqualTo(401);
    }

    @Test
    void ownProfileNeedsAToken() {
        Reply reply = api.send(Req.get("/api/v1/me"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer");
    }

    /** Issue 13, row 12. */
    @Test
    void anAddressThatIsNoRfc5321MailboxIsRefused() {
        for (String address : new String[] {"<script>@example.test", "anna,bruno@example.org", "\\u0003anna@example.org"}) {
            Reply reply = api.send(Req.post("/api/v1/patients").json(Api.registration(address, Api.PASSWORD)));

            assertThat(reply.status()).as(address).isEqualTo(400);
            assertThat(reply.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("email");
        }
        assertThat(api.patients.count()).isZero();
    }

    /** Issue 13, row 12: registration was unthrottled, and its 409 tells who has an account. */
    @Test
    void oneClientAddressRegistersAtMost30AccountsAnHour() {
        for (int i = 0; i < 30; i++) {
            Reply reply = api.send(Req.post("/api/v1/patients").from("192.0.2.5")
                    .json(Api.registration("someone" + i + "@example.org", Api.PASSWORD)));
            assertThat(reply.status()).isEqualTo(201);
        }

        Reply refused = api.send(Req.post("/api/v1/patients").from("192.0.2.5")
                .json(Api.registration("anna@example.org", Api.PASSWORD)));
        Reply elsewhere = api.send(Req.post("/api/v1/patients").from("192.0.2.6")
                .json(Api.registration("anna@example.org", Api.PASSWORD)));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("too-many-registrations");
        assertThat(refused.header("Retry-After")).contains("3600");
        assertThat(elsewhere.status()).isEqualTo(201);
        api.clock.advance(java.time.Duration.ofHours(1));
        assertThat(api.send(Req.post("/api/v1/patients").from("192.0.2.5")
                .json(Api.registration("bruno@example.org", Api.PASSWORD))).status()).isEqualTo(201);
    }

    @Test
    void whetherAnAddressHasAnAccountIsAskedAtMostFiveTimesAnHour() {
        api.send(Req.post("/api/v1/patients").json(Api.registration("anna@example.org", Api.PASSWORD)));
        for (int i = 0; i < 4; i++) {
            assertThat(api.send(Req.post("/api/v1/patients").from("198.51.100." + i)
                    .json(Api.registration("Anna@Example.org", Api.PASSWORD))).status()).isEqualTo(409);
        }

        Reply refused = api.send(Req.post("/api/v1/patients").from("198.51.100.99")
                .json(Api.registration("anna@example.org", Api.PASSWORD)));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("too-many-registrations");
    }
}
