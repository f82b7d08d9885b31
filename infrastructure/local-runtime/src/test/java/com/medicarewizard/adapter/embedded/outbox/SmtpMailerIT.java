package com.medicarewizard.adapter.embedded.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.medicarewizard.port.Notifications.DeliveryFailedException;
import com.medicarewizard.port.Notifications.Email;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How e-mail reaches an SMTP server: over STARTTLS (required: a server that does not offer it
 * gets nothing) or TLS from the first byte, with the server's certificate checked for its name;
 * in plain text only when {@code MCW_SMTP_TLS=none} or the server is on this machine.
 */
class SmtpMailerIT {
    private static final Email EMAIL = new Email("anna@example.org", "Booking confirmed", "See you on Tuesday.",
            Optional.empty());

    @TempDir
    static Path keys;
    static TestCertificate localhost;
    static TestCertificate otherHost;

    @BeforeAll
    static void certificates() throws Exception {
        localhost = TestCertificate.forNames(keys, "ip:127.0.0.1,dns:localhost");
        otherHost = TestCertificate.forNames(keys, "dns:smtp.other.example");
    }

    @Test
    void withStartTlsTheMessageTravelsOnlyAfterTheUpgrade() throws Exception {
        try (var server = new FakeSmtpServer(FakeSmtpServer.Mode.OFFERS_STARTTLS, localhost.server())) {
            mailer(server.port(), "starttls", localhost).send(EMAIL);

            assertThat(server.messages()).singleElement().asString().contains("Subject: Booking confirmed");
            assertThat(server.commands()).filteredOn(c -> !c.overTls()).extracting(FakeSmtpServer.Command::verb)
                    .containsExactly("EHLO", "STARTTLS");
            assertThat(server.commands()).filteredOn(c -> c.overTls()).extracting(FakeSmtpServer.Command::verb)
                    .contains("EHLO", "MAIL", "RCPT", "DATA");
        }
    }

    @Test
    void aServerThatDoesNotOfferStartTlsGetsNothing() {
        GreenMail plain = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        plain.start();
        try {
            SmtpSettings settings = SmtpSettings.fromEnvironment(Map.of("MCW_SMTP_HOST", "127.0.0.1",
                    "MCW_SMTP_PORT", Integer.toString(plain.getSmtp().getPort()), "MCW_SMTP_TLS", "starttls")).orElseThrow();

            assertThatThrownBy(() -> new SmtpMailer(settings).send(EMAIL))
                    .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.permanent()).isFalse())
                    .hasMessageContaining("STARTTLS");
            assertThat(plain.getReceivedMessages()).isEmpty();
        } finally {
            plain.stop();
        }
    }

    @Test
    void withTlsTheConnectionIsEncryptedFromTheFirstByte() throws Exception {
        try (var server = new FakeSmtpServer(FakeSmtpServer.Mode.IMPLICIT_TLS, localhost.server())) {
            mailer(server.port(), "tls", localhost).send(EMAIL);

            assertThat(server.messages()).hasSize(1);
            assertThat(server.commands()).isNotEmpty().allMatch(FakeSmtpServer.Command::overTls);
        }
    }

    @Test
    void aServerWhoseCertificateNamesAnotherHostGetsNothing() throws Exception {
        try (var server = new FakeSmtpServer(FakeSmtpServer.Mode.OFFERS_STARTTLS, otherHost.server())) {
            SmtpMailer mailer = mailer(server.port(), "starttls", otherHost);

            assertThatThrownBy(() -> mailer.send(EMAIL)).isInstanceOf(DeliveryFailedException.class);
            assertThat(server.messages()).isEmpty();
            assertThat(server.commands()).extracting(FakeSmtpServer.Command::verb).doesNotContain("MAIL", "DATA");
        }
    }

    @Test
    void aServerOnThisMachineGetsPlainSmtpUnlessToldOtherwise() throws Exception {
        try (var server = new FakeSmtpServer(FakeSmtpServer.Mode.OFFERS_STARTTLS, localhost.server())) {
            mailer(server.port(), null, localhost).send(EMAIL);

            assertThat(server.messages()).hasSize(1);
            assertThat(server.commands()).extracting(FakeSmtpServer.Command::verb).doesNotContain("STARTTLS");
        }
    }

    private static SmtpMailer mailer(int port, String tls, TestCertificate trusted) {
        var env = new java.util.HashMap<>(Map.of("MCW_SMTP_HOST", "127.0.0.1", "MCW_SMTP_PORT", Integer.toString(port)));
        if (tls != null) {
            env.put("MCW_SMTP_TLS", tls);
        }
        return new SmtpMailer(SmtpSettings.fromEnvironment(env).orElseThrow(), trusted.trustingClient());
    }
}
