package com.medicarewizard.adapter.notifications;

import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Notifications.Recovery;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Notifications} in AWS, over two services (hence the name): an e-mail goes through SES v2
 * to the patient's address alone, because SNS e-mail can only reach subscribers of a topic; a text
 * message is an SNS publish to the patient's phone number (transactional SMS). See
 * docs/adr/0003-notification-channels.md. The calendar file goes base64-encoded: SES's default for an
 * attachment is 7-bit, which UTF-8 text (Italian names and preparations) is not.
 * Refusals of the recipient or the request are permanent failures; throttling, outages and
 * timeouts are transient. What a new account meets — the SES sandbox refusing an address that is not
 * a verified identity, the SMS sandbox refusing a number that is not a verified destination, a role
 * not granted the identity, sending paused — waits for an operator's
 * set-up ({@link Recovery#AFTER_SETUP}): parked with a reason that says what to do, and retried by
 * the retrier once it is done.
 */
public final class SesSnsNotifications implements Notifications {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    /** SNS errors that sending again cannot fix: a malformed or refused phone number. */
    private static final Set<String> SNS_PERMANENT = Set.of("InvalidParameter", "InvalidParameterValue",
            "InvalidParameterException", "ParameterValueInvalid");
    /** SES errors that sending again cannot fix: a malformed address or request, a rejected message. */
    private static final Set<String> SES_PERMANENT = Set.of("BadRequestException", "MessageRejected",
            "MessageRejectedException");
    /**
     * SES's refusal of an address that is not a verified identity (the sender; in the sandbox, the
     * recipient too): MessageRejected, "Email address is not verified. The following identities failed …".
     */
    private static final Set<String> SES_REJECTED = Set.of("MessageRejected", "MessageRejectedException");
    private static final String NOT_VERIFIED = "not verified";
    /** SES errors that wait for an operator: an identity or domain to verify, a grant, sending to resume. */
    private static final Map<String, String> SES_AFTER_SETUP = Map.of(
            "MailFromDomainNotVerifiedException", "the MAIL FROM domain is not verified",
            "AccessDeniedException", "the role may not send as this identity (in the sandbox: to this recipient"
                    + " either); grant ses:SendEmail on the identities",
            "AccountSuspendedException", "the account's sending is suspended",
            "SendingPausedException", "sending is paused for the account or configuration set");
    /**
     * SNS's refusal to publish: the function's role is not granted {@code sns:Publish}, or — the same
     * code — the account is in the SMS sandbox and the number is not one of its verified destinations.
     */
    private static final Map<String, String> SNS_AFTER_SETUP = Map.of(
            "AuthorizationError", "the role may not publish SMS (grant sns:Publish), or the account is in the"
                    + " SMS sandbox and the number is not a verified destination (verify it or leave the sandbox)");
    private final Optional<SnsClient> sns;
    private final SesV2Client ses;
    private final String fromAddress;
    private final String senderId;

    /**
     * @param fromAddress the verified SES identity the e-mail comes from
     * @param senderId the alphanumeric sender id shown on the phone (where the country allows one)
     */
    public SesSnsNotifications(SnsClient sns, SesV2Client ses, String fromAddress, String senderId) {
        this(Optional.of(Objects.requireNonNull(sns, "sns")), ses, fromAddress, senderId);
    }

    private SesSnsNotifications(Optional<SnsClient> sns, SesV2Client ses, String fromAddress, String senderId) {
        this.sns = sns;
        this.ses = Objects.requireNonNull(ses, "ses");
        this.fromAddress = Objects.requireNonNull(fromAddress, "from address");
        this.senderId = Objects.requireNonNull(senderId, "sender id");
    }

    /** E-mail only (the intake's password reset codes): a text message is refused, permanently. */
    public static SesSnsNotifications mailOnly(SesV2Client ses, String fromAddress) {
        return new SesSnsNotifications(Optional.empty(), ses, fromAddress, "-");
    }

    @Override
    public void send(Sms sms) {
        if (sns.isEmpty()) {
            throw new DeliveryFailedException("this sender sends e-mail only", Recovery.PERMANENT, null);
        }
        try {
            sns.get().publish(b -> b.phoneNumber(sms.to()).message(sms.text()).messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", string("Transactional"),
                    "AWS.SNS.SMS.SenderID", string(senderId))));
        } catch (SdkException e) {
            throw failure("SNS", e, SNS_PERMANENT, SNS_AFTER_SETUP);
        }
    }

    @Override
    public void send(Email email) {
        Message.Builder message = Message.builder()
                .subject(Content.builder().data(email.subject()).charset(UTF_8).build())
                .body(Body.builder().text(Content.builder().data(email.text()).charset(UTF_8).build()).build());
        email.attachment().ifPresent(file -> message.attachments(software.amazon.awssdk.services.sesv2.model.Attachment.builder()
                .fileName(file.fileName())
                .contentType(file.contentType())
                .contentDisposition(AttachmentContentDisposition.ATTACHMENT)
                .contentTransferEncoding(AttachmentContentTransferEncoding.BASE64)
                .rawContent(SdkBytes.fromUtf8String(file.content()))
                .build()));
        try {
            ses.sendEmail(SendEmailRequest.builder()
                    .fromEmailAddress(fromAddress)
                    .destination(d -> d.toAddresses(email.to()))
                    .content(c -> c.simple(message.build()))
                    .build());
        } catch (SdkException e) {
            throw failure("SES", e, SES_PERMANENT, SES_AFTER_SETUP);
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /**
     * The message names the service, its error code and, for a refusal an operator can lift, what to
     * do: never the recipient or the text (SES's own message quotes the address, so it is not copied).
     */
    private static DeliveryFailedException failure(String service, SdkException e, Set<String> permanentCodes,
                                                   Map<String, String> afterSetup) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode();
            String refused = service + " refused the message: " + code;
            if (aws.statusCode() >= 500) {
                return new DeliveryFailedException(refused, Recovery.TRANSIENT, null);
            }
            if (code != null && afterSetup.containsKey(code)) {
                return new DeliveryFailedException(refused + " (" + afterSetup.get(code) + "; it is retried)",
                        Recovery.AFTER_SETUP, null);
            }
            if (isNotVerified(aws)) {
                return new DeliveryFailedException(refused + " (an address is not a verified identity: in the SES"
                        + " sandbox the recipient must be verified too; verify it or leave the sandbox; it is retried)",
                        Recovery.AFTER_SETUP, null);
            }
            return new DeliveryFailedException(refused, code != null && permanentCodes.contains(code), null);
        }
        return new DeliveryFailedException(service + " unavailable: " + e.getClass().getSimpleName(), false, null);
    }

    /** SES's MessageRejected "Email address is not verified. The following identities failed the check …". */
    private static boolean isNotVerified(AwsServiceException e) {
        String message = e.awsErrorDetails().errorMessage();
        return SES_REJECTED.contains(e.awsErrorDetails().errorCode()) && message != null
                && message.toLowerCase(java.util.Locale.ROOT).contains(NOT_VERIFIED);
    }
}
