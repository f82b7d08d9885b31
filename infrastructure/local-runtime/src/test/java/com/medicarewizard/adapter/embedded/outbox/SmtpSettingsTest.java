package com.medicarewizard.adapter.embedded.outbox;

import com.medicarewizard.adapter.embedded.outbox.SmtpSettings.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"smtp.example.org", "10.0.0.5", "192.168.1.20", "mail", "localhost.example.org", "128.0.0.1"})
    void anotherMachineGetsStartTlsByDefault(String host) {
        SmtpSettings settings = settings(Map.of("MCW_SMTP_HOST", host));

        assertThat(settings.security()).isEqualTo(Security.STARTTLS);
        assertThat(settings.port()).isEqualTo(25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "mail.localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"})
    void thisMachineGetsPlainSmtpByDefault(String host) {
        assertThat(settings(Map.of("MCW_SMTP_HOST", host)).security()).isEqualTo(Security.NONE);
    }

    @Test
    void theVariableChoosesAndTlsDefaultsToPort465() {
        assertThat(settings(Map.of("MCW_SMTP_HOST", "127.0.0.1", "MCW_SMTP_TLS", "starttls")).security())
                .isEqualTo(Security.STARTTLS);
        SmtpSettings tls = settings(Map.of("MCW_SMTP_HOST", "smtp.example.org", "MCW_SMTP_TLS", "TLS"));
        assertThat(tls.security()).isEqualTo(Security.TLS);
        assertThat(tls.port()).isEqualTo(465);
        assertThat(settings(Map.of("MCW_SMTP_HOST", "smtp.example.org", "MCW_SMTP_TLS", "none")).security())
                .isEqualTo(Security.NONE);
        assertThat(settings(Map.of("MCW_SMTP_HOST", "smtp.example.org", "MCW_SMTP_TLS", "tls", "MCW_SMTP_PORT", "2465"))
                .port()).isEqualTo(2465);
    }

    @Test
    void anUnknownModeIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> settings(Map.of("MCW_SMTP_HOST", "smtp.example.org", "MCW_SMTP_TLS", "ssl")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MCW_SMTP_TLS must be starttls, tls or none");
    }

    @Test
    void aPasswordIsNeverSentInClearToAnotherMachine() {
        Map<String, String> env = new HashMap<>(Map.of("MCW_SMTP_HOST", "smtp.example.org", "MCW_SMTP_TLS", "none",
                "MCW_SMTP_USERNAME", "mcw", "MCW_SMTP_PASSWORD", "secret"));
        assertThatThrownBy(() -> settings(env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MCW_SMTP_TLS=none").hasMessageNotContaining("secret");

        env.put("MCW_SMTP_HOST", "127.0.0.1");
        assertThat(settings(env).toString()).isEqualTo("SmtpSettings[127.0.0.1:25, none, authenticated]");
    }

    private static SmtpSettings settings(Map<String, String> env) {
        return SmtpSettings.fromEnvironment(env).orElseThrow();
    }
}
