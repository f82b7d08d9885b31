package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.intake.staff.BootstrapAdmin;
import com.medicarewizard.runtime.LocalRuntime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member of the front desk on a running runtime, made as the center makes one: the first administrator
 * bootstrapped, who invites the member; the member sets a password from the e-mailed link.
 */
public final class FrontDeskStaff {
    public static final String PASSWORD = "a long staff passphrase";
    private static final Pattern INVITATION = Pattern.compile("invitation=([A-Za-z0-9._-]+)");

    private FrontDeskStaff() {
    }

    /** Makes the runtime's first administrator and, through them, a front-desk member of {@code email}. */
    public static void make(LocalRuntime runtime, String email, String name) {
        var invited = (BootstrapAdmin.Outcome.Invited) runtime.bootstrapAdmin(new EmailAddress("admin@example.org"),
                "Anna Bianchi");
        ApiClient api = new ApiClient(runtime.port());
        accept(api, invited.link().getFragment().substring("invitation=".length()));
        ApiClient admin = logIn(runtime, "admin@example.org");
        ApiClient.Answer created = admin.post("/api/v1/admin/staff",
                "{\"email\":\"%s\",\"name\":\"%s\",\"role\":\"front-desk\"}".formatted(email, name));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String text = runtime.outbox().entries().stream()
                .filter(e -> e.path("channel").asText().equals("EMAIL") && e.path("to").asText().equals(email))
                .map(e -> e.path("text").asText()).reduce((first, last) -> last).orElseThrow();
        Matcher link = INVITATION.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        accept(api, link.group(1));
    }

    /** The member of {@code email} logged in through the API. */
    public static ApiClient logIn(LocalRuntime runtime, String email) {
        ApiClient api = new ApiClient(runtime.port());
        JsonNode token = api.post("/api/v1/staff/auth/token",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD)).body().get("accessToken");
        assertThat(token).as("staff log-in of %s", email).isNotNull();
        return api.withToken(token.asText());
    }

    private static void accept(ApiClient api, String token) {
        assertThat(api.post("/api/v1/staff/invitation", "{\"token\":\"%s\",\"password\":\"%s\"}"
                .formatted(token, PASSWORD)).status()).isEqualTo(204);
    }
}
