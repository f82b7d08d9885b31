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

    @Test
    void theCalendarFileTravelsBase64EncodedAndComesBackByteForByte() throws Exception {
        String ics = "BEGIN:VCALENDAR\r\nDESCRIPTION:Digiuno da 8 ore; è necessario rimuovere oggetti metallici, così\r\n"
                + "  come piercing. Più di settantacinque caratteri: città, perché, né, sì.\r\nEND:VCALENDAR\r\n";
        Email confirmation = new Email("anna@example.org", "Prenotazione confermata", "A martedì.",
                Optional.of(new com.medicarewizard.port.Notifications.Attachment("reservation.ics",
                        "text/calendar; charset=UTF-8; method=PUBLISH", ics)));
        try (var server = new FakeSmtpServer(FakeSmtpServer.Mode.OFFERS_STARTTLS, localhost.server())) {
            mailer(server.port(), null, localhost).send(confirmation);

            String raw = server.messages().getFirst();
            assertThat(raw.lines()).allSatisfy(line -> {
                assertThat(line.chars()).as("7-bit only: " + line).allMatch(c -> c < 128);
                assertThat(line.length()).isLessThanOrEqualTo(998);
            });
            var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            var parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
            var calendar = (jakarta.mail.internet.MimeBodyPart) parts.getBodyPart(1);
            assertThat(calendar.getEncoding()).isEqualTo("base64");
            assertThat(calendar.getFileName()).isEqualTo("reservation.ics");
            assertThat(new String(calendar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(ics);
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
