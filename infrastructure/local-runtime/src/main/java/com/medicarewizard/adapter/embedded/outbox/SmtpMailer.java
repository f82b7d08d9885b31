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

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends an e-mail over SMTP with Jakarta Mail (Angus): the text, and the calendar file as a
 * {@code text/calendar} part. A refused or malformed recipient (SMTP 5xx) is a permanent failure;
 * a server that cannot be reached, times out or answers 4xx is a transient one.
 */
public final class SmtpMailer {
    private static final String TIMEOUT_MS = "5000";
    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(SmtpSettings settings) {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        props.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
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
            throw new DeliveryFailedException("SMTP server unavailable: " + e.getClass().getSimpleName(), false, null);
        }
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
            parts.addBodyPart(attachment);
        }
        message.setContent(parts);
        return message;
    }
}
