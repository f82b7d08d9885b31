package com.medicarewizard.adapter.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Notifications.Attachment;
import com.medicarewizard.port.Notifications.DeliveryFailedException;
import com.medicarewizard.port.Notifications.Recovery;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.Notifications.Sms;
import com.medicarewizard.port.contract.NotificationsContract;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The SNS and SES requests the adapter builds, and how it classifies their failures; fake clients only. */
class SesSnsNotificationsTest extends NotificationsContract {
    private final FakeSns sns = new FakeSns();
    private final FakeSes ses = new FakeSes();
    private final SesSnsNotifications notifications = new SesSnsNotifications(sns, ses, "no-reply@medicare.example",
            "MediCare");

    @Override
    protected Notifications newNotifications() {
        return notifications;
    }

    @Override
    protected List<String> acceptedRecipients() {
        return Stream.concat(sns.published.stream().map(PublishRequest::phoneNumber),
                ses.sent.stream().flatMap(r -> r.destination().toAddresses().stream())).toList();
    }

    /** SNS answers 400 InvalidParameter for a number it cannot text. */
    @Override
    protected String refusedPhoneNumber() {
        sns.failure = () -> InvalidParameterException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameter").build()).build();
        return "+390";
    }

    @Override
    protected void makeServiceUnavailable() {
        sns.failure = () -> SdkClientException.create("connect timed out");
        ses.failure = () -> SdkClientException.create("connect timed out");
    }

    static final class FakeSns implements SnsClient {
        final List<PublishRequest> published = new ArrayList<>();
        Supplier<RuntimeException> failure;

        @Override
        public PublishResponse publish(PublishRequest request) {
            if (failure != null) {
                throw failure.get();
            }
            published.add(request);
            return PublishResponse.builder().messageId("m-1").build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }

    static final class FakeSes implements SesV2Client {
        final List<SendEmailRequest> sent = new ArrayList<>();
        Supplier<RuntimeException> failure;

        @Override
        public SendEmailResponse sendEmail(SendEmailRequest request) {
            if (failure != null) {
                throw failure.get();
            }
            sent.add(request);
            return SendEmailResponse.builder().messageId("e-1").build();
        }

        @Override
        public String serviceName() {
            return "ses";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aTextIsATransactionalSmsPublishedToThePatientsNumber() {
        notifications.send(new Sms("+393471234567", "Confirmed"));
        PublishRequest request = sns.published.getFirst();
        assertThat(request.phoneNumber()).isEqualTo("+393471234567");
        assertThat(request.topicArn()).isNull();
        assertThat(request.message()).isEqualTo("Confirmed");
        assertThat(request.messageAttributes().get("AWS.SNS.SMS.SMSType").stringValue()).isEqualTo("Transactional");
    }

    @Test
    void anEmailGoesThroughSesToThatAddressAloneWithTheCalendarAttached() {
        notifications.send(new Email("maria@example.org", "Confirmed", "Dear Maria",
                Optional.of(new Attachment("reservation.ics", "text/calendar; charset=UTF-8", "BEGIN:VCALENDAR"))));
        SendEmailRequest request = ses.sent.getFirst();
        assertThat(request.destination().toAddresses()).containsExactly("maria@example.org");
        assertThat(request.destination().ccAddresses()).isEmpty();
        assertThat(request.destination().bccAddresses()).isEmpty();
        assertThat(request.fromEmailAddress()).isEqualTo("no-reply@medicare.example");
        var message = request.content().simple();
        assertThat(message.subject().data()).isEqualTo("Confirmed");
        assertThat(message.body().text().data()).isEqualTo("Dear Maria");
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("reservation.ics");
            assertThat(a.contentType()).startsWith("text/calendar");
            assertThat(a.rawContent().asUtf8String()).isEqualTo("BEGIN:VCALENDAR");
        });
    }

    @Test
    void aRefusedNumberOrAddressIsPermanentAndThrottlingIsTransient() {
        sns.failure = () -> InvalidParameterException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameter").build()).build();
        assertThatThrownBy(() -> notifications.send(new Sms("+390", "x")))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("+390");
                });
        ses.failure = () -> BadRequestException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("BadRequestException").build()).build();
        assertThatThrownBy(() -> notifications.send(new Email("x@example.org", "s", "t", Optional.empty())))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.permanent()).isTrue());
        ses.failure = () -> TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").build()).build();
        assertThatThrownBy(() -> notifications.send(new Email("x@example.org", "s", "t", Optional.empty())))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.permanent()).isFalse());
        sns.failure = () -> SdkClientException.create("connection reset");
        assertThatThrownBy(() -> notifications.send(new Sms("+393471234567", "x")))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.permanent()).isFalse());
    }

    @Test
    void anAddressTheSesSandboxHasNotVerifiedWaitsForSetUpAndTheReasonSaysSoWithoutTheAddress() {
        ses.failure = () -> MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected")
                        .errorMessage("Email address is not verified. The following identities failed the check in"
                                + " region EU-SOUTH-1: maria@example.org").build()).build();

        assertThatThrownBy(() -> notifications.send(new Email("maria@example.org", "s", "t", Optional.empty())))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.recovery()).isEqualTo(Recovery.AFTER_SETUP);
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("MessageRejected").contains("sandbox")
                            .doesNotContain("maria@example.org");
                });
    }

    @Test
    void aRoleNotGrantedTheIdentityWaitsForSetUpAndAnyOtherRejectionIsPermanent() {
        ses.failure = () -> AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("not authorized to perform ses:SendEmail on resource identity/x").build()).build();
        assertThatThrownBy(() -> notifications.send(new Email("x@example.org", "s", "t", Optional.empty())))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.recovery()).isEqualTo(Recovery.AFTER_SETUP);
                    assertThat(e.getMessage()).contains("ses:SendEmail");
                });
        ses.failure = () -> MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected")
                        .errorMessage("Illegal address").build()).build();
        assertThatThrownBy(() -> notifications.send(new Email("x@example.org", "s", "t", Optional.empty())))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void snsRefusingATextWaitsForSetUpAndTheReasonNamesBothCausesWithoutTheNumber() {
        // the role without sns:Publish, and in the SMS sandbox a number that is not a verified destination
        sns.failure = () -> AuthorizationErrorException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AuthorizationError")
                        .errorMessage("You are not authorized to perform actions for the provided phone number")
                        .build()).build();

        assertThatThrownBy(() -> notifications.send(new Sms("+393471234567", "x")))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.recovery()).isEqualTo(Recovery.AFTER_SETUP);
                    assertThat(e.getMessage()).contains("AuthorizationError").contains("sns:Publish")
                            .contains("SMS sandbox").contains("verif").doesNotContain("+393471234567");
                });
    }

    @Test
    void theCalendarFileIsSentBase64EncodedNotSesDefault7Bit() {
        String ics = "BEGIN:VCALENDAR\r\nDESCRIPTION:Più di settantacinque caratteri: città, perché\r\nEND:VCALENDAR\r\n";
        notifications.send(new Email("maria@example.org", "Prenotazione confermata", "Gentile Maria",
                Optional.of(new Attachment("reservation.ics", "text/calendar; charset=UTF-8", ics))));

        assertThat(ses.sent.getFirst().content().simple().attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentTransferEncoding()).isEqualTo(AttachmentContentTransferEncoding.BASE64);
            assertThat(a.rawContent().asByteArray()).isEqualTo(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }
}
