package com.medicarewizard.cdk;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.constructs.Construct;

/**
 * Where outcomes go: the event bus (with a 90-day archive, for replays) that receives the
 * {@code medicarewizard.reservations} events, the SES identity e-mail is sent from, and the
 * permission to send SMS through SNS (direct publish to a phone number has no resource to scope to).
 */
final class Messaging extends Construct {

    static final String EVENT_SOURCE = "medicarewizard.reservations";
    private final EventBus bus;

    Messaging(Construct scope, String id, DeploymentSettings settings) {
        super(scope, id);
        bus = EventBus.Builder.create(this, "Bus").eventBusName(settings.name("events")).build();
        bus.archive("Archive", BaseArchiveProps.builder()
                .description("Every reservation outcome event, for replays")
                .eventPattern(EventPattern.builder().source(List.of(EVENT_SOURCE)).build())
                .retention(Duration.days(90))
                .build());
        EmailIdentity.Builder.create(this, "MailIdentity")
                .identity(Identity.domain(settings.mailDomain())).build();
    }

    EventBus bus() {
        return bus;
    }

    /**
     * Events on the bus, e-mail through SES, SMS through SNS. SES authorizes a send against every
     * identity the message involves, and while the account is in the SES sandbox each recipient must
     * itself be a verified identity of the account: a grant naming only the sending domain would refuse
     * every e-mail there. So the grant is on the account's identities in this region
     * ({@code identity/*}); what may be sent from is still only what the account verified.
     */
    void grantSend(IGrantable function) {
        bus.grantPutEventsTo(function);
        grantMail(function);
        function.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .resources(List.of("*"))
                .build());
    }

    /** E-mail alone, through SES (the same grant as {@link #grantSend}'s; see there why on {@code identity/*}). */
    void grantMail(IGrantable function) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(function)
                .actions(List.of("ses:SendEmail")) // SES v2's SendEmail, attachments included (SesSnsNotifications)
                .resourceArns(List.of(Stack.of(this).formatArn(ArnComponents.builder()
                        .service("ses").resource("identity").resourceName("*").build())))
                .build());
    }
}
