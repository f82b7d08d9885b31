package com.medicarewizard.adapter.embedded.outbox;

import com.medicarewizard.port.Notifications.DeliveryFailedException;
import com.medicarewizard.port.Notifications.Email;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends an e-mail over SMTP with Jakarta Mail (Angus): the text, and the calendar file as a
 * {@code text/calendar} part; over TLS as {@link SmtpSettings.Security} says. A refused or malformed recipient (SMTP 5xx) is a permanent failure;
 * a server that cannot be reached, times out or answers 4xx is a transient one.
 */
public final class SmtpMailer {
    private static final String TIMEOUT_MS = "5000";
    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(SmtpSettings settings) {
        this(settings, null);
    }

    /** With the TLS sockets made by {@code tls} (a test's trust store); {@code null}: the JVM's trusted authorities. */
    SmtpMailer(SmtpSettings settings, SSLSocketFactory tls) {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        props.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        props.putAll(security(settings.security()));
        if (tls != null) {
            props.put("mail.smtp.ssl.socketFactory", tls);
        }
        Authenticator login = settings.username().isEmpty() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username().get(), settings.password().orElseThrow());
            }
        };
        this.session = Session.getInstance(props, login);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("MCW_SMTP_FROM is not an e-mail address");
        }
    }

    /** STARTTLS required (never a plain fall back) or TLS from the start, each checking the server's name. */
    private static Properties security(SmtpSettings.Security security) {
        Properties props = new Properties();
        if (security != SmtpSettings.Security.NONE) {
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (security == SmtpSettings.Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        } else if (security == SmtpSettings.Security.TLS) {
            props.put("mail.smtp.ssl.enable", "true");
        }
        return props;
    }

    public void send(Email email) {
        InternetAddress to;
        try {
            to = new InternetAddress(email.to(), true);
        } catch (AddressException e) {
            throw new DeliveryFailedException("recipient refused: not a deliverable address", true, null);
        }
        try {
            Transport.send(message(email, to));
        } catch (SendFailedException e) {
            boolean refused = e instanceof SMTPAddressFailedException
                    || (e instanceof SMTPSendFailedException s && s.getReturnCode() >= 500)
                    || (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0);
            throw new DeliveryFailedException(refused ? "recipient refused by the SMTP server"
                    : "SMTP server did not accept the message", refused, null);
        } catch (MessagingException e) {
            throw new DeliveryFailedException(unavailable(e), false, null);
        }
    }

    /** Why nothing was sent, in words an operator can act on (the exception's own text may quote the server). */
    private static String unavailable(MessagingException e) {
        if (e.getMessage() != null && e.getMessage().contains("STARTTLS")) {
            return "SMTP server does not offer STARTTLS: nothing sent (MCW_SMTP_TLS)";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS with the SMTP server failed: " + cause.getClass().getSimpleName();
            }
        }
        return "SMTP server unavailable: " + e.getClass().getSimpleName();
    }

    private MimeMessage message(Email email, InternetAddress to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        MimeMultipart parts = new MimeMultipart("mixed");
        parts.addBodyPart(text);
        if (email.attachment().isPresent()) {
            var file = email.attachment().get();
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    file.content().getBytes(StandardCharsets.UTF_8), file.contentType())));
            attachment.setFileName(file.fileName());
            // base64, as the SES adapter sends it: the calendar's CRLF line ends and UTF-8 arrive byte for byte
            // (quoted-printable, Jakarta Mail's choice for mostly-ASCII text, leaves line ends to the transport)
            attachment.setHeader("Content-Transfer-Encoding", "base64");
            parts.addBodyPart(attachment);
        }
        message.setContent(parts);
        return message;
    }
}
