package com.medicarewizard.lambda.notifier;

import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableRecipientQuota;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.adapter.eventbridge.EventBridgeDomainEvents;
import com.medicarewizard.adapter.notifications.SesSnsNotifications;
import com.medicarewizard.lambda.common.AwsClients;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.TablePorts;
import com.medicarewizard.notifier.MessageLimit;
import com.medicarewizard.notifier.NotifierSettings;
import com.medicarewizard.notifier.OutcomeNotifier;
import com.medicarewizard.notifier.Rebooking;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.functions.IntakeSpec;
import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The notifier's use case on AWS, for its two entries: SMS through SNS, e-mail through SES
 * ({@code MCW_MAIL_FROM}, a verified identity), events on the bus {@code MCW_EVENT_BUS_NAME}, markers
 * and the per-recipient message counts ({@code MCW_MAX_MESSAGES_PER_HOUR}) in the table. The senders'
 * clients make one attempt each ({@link AwsClients.Profile#SINGLE_ATTEMPT}); the notifier's own retry is
 * told how long such a call can take, for its time budget.
 */
record NotifierWiring(TablePorts ports, OutcomeNotifier notifier) {

    static NotifierWiring from(AwsSettings settings) {
        TablePorts ports = TablePorts.from(settings);
        SesSnsNotifications notifications = new SesSnsNotifications(
                AwsClients.build(SnsClient.builder(), "SNS", settings),
                AwsClients.build(SesV2Client.builder(), "SES", settings),
                settings.required("MCW_MAIL_FROM"), settings.optional("MCW_SMS_SENDER_ID").orElse("MediCare"));
        EventBridgeDomainEvents events = new EventBridgeDomainEvents(
                AwsClients.build(EventBridgeClient.builder(), "EVENTS", settings), settings.required("MCW_EVENT_BUS_NAME"));
        URI site = URI.create(settings.required(IntakeSpec.PUBLIC_URL));
        MessageLimit limit = MessageLimit.perHour(
                FunctionSpecs.LIMITS.overriddenBy(settings.env()).messagesPerRecipientPerHour());
        return new NotifierWiring(ports, new OutcomeNotifier(new TablePatients(ports.table()), ports.catalog(),
                notifications, events, new TableNotificationLedger(ports.table()), new TableRecipientQuota(ports.table()),
                NotifierSettings.standard().withMessageLimit(limit)
                        .withCallTimeout(AwsClients.Profile.SINGLE_ATTEMPT.callTimeout()), ports.clock(),
                Optional.of(new Rebooking(new TableTakenCells(ports.table()), () -> site))));
    }
}
