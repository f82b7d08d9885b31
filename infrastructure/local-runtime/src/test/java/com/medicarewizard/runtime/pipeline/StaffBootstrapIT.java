package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the documented start of a fresh installation's staff, as a newcomer runs it. With
 * {@code MCW_ADMIN_EMAIL} the runtime prints the first administrator's one-time link on its console (no
 * default password exists); the link sets the password through the API, the administrator logs in, and a
 * restart with the same setting makes no second link once that password is set.
 */
class StaffBootstrapIT {
    private static final Pattern LINK = Pattern.compile("(http://localhost:(\\d+)/admin#invitation=(\\S+))");
    private static final String PASSWORD = "a long staff passphrase";

    @TempDir
    Path data;

    @Test
    void theFirstAdministratorSetsAPasswordWithTheLinkOnTheConsoleOnce() throws IOException {
        Map<String, String> env = Map.of("MCW_ADMIN_EMAIL", "anna@example.org", "MCW_ADMIN_NAME", "Anna Bianchi");
        RuntimeProcess runtime = RuntimeProcess.start(data, env);
        try {
            Matcher link = await().atMost(Duration.ofSeconds(30)).until(() -> linkIn(runtime), Optional::isPresent)
                    .orElseThrow();
            assertThat(Integer.parseInt(link.group(2))).isEqualTo(runtime.port());
            ApiClient api = new ApiClient(runtime.port());

            assertThat(api.post("/api/v1/staff/invitation", "{\"token\":\"%s\",\"password\":\"%s\"}"
                    .formatted(link.group(3), PASSWORD)).status()).isEqualTo(204);
            var login = api.post("/api/v1/staff/auth/token",
                    "{\"email\":\"anna@example.org\",\"password\":\"%s\"}".formatted(PASSWORD));
            assertThat(login.status()).isEqualTo(200);
            ApiClient admin = api.withToken(login.body().get("accessToken").asText());
            assertThat(admin.get("/api/v1/admin/staff").body().findValuesAsText("name")).containsExactly("Anna Bianchi");
        } finally {
            stop(runtime);
        }
        RuntimeProcess restarted = RuntimeProcess.start(data, env);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> restarted.output().contains("MCW_ADMIN_EMAIL: nothing done"));
            assertThat(linkIn(restarted)).isEmpty();
        } finally {
            stop(restarted);
        }
    }

    private static void stop(RuntimeProcess runtime) {
        runtime.process().destroy();
        try {
            runtime.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Matcher> linkIn(RuntimeProcess runtime) throws IOException {
        Matcher link = LINK.matcher(runtime.output());
        return link.find() ? Optional.of(link) : Optional.empty();
    }
}
