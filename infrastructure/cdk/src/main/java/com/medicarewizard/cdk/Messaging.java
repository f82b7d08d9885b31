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
    private final EmailIdentity mailIdentity;

    Messaging(Construct scope, String id, DeploymentSettings settings) {
        super(scope, id);
        bus = EventBus.Builder.create(this, "Bus").eventBusName(settings.name("events")).build();
        bus.archive("Archive", BaseArchiveProps.builder()
                .description("Every reservation outcome event, for replays")
                .eventPattern(EventPattern.builder().source(List.of(EVENT_SOURCE)).build())
                .retention(Duration.days(90))
                .build());
        mailIdentity = EmailIdentity.Builder.create(this, "MailIdentity")
                .identity(Identity.domain(settings.mailDomain())).build();
    }

    EventBus bus() {
        return bus;
    }

    void grantSend(IGrantable function) {
        bus.grantPutEventsTo(function);
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(function)
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resourceArns(List.of(Stack.of(this).formatArn(ArnComponents.builder()
                        .service("ses").resource("identity").resourceName(mailIdentity.getEmailIdentityName()).build())))
                .build());
        function.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .resources(List.of("*"))
                .build());
    }
}
