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
import com.medicarewizard.notifier.ReminderNotifier;
import com.medicarewizard.notifier.WaitlistOffers;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableWaitlist;
import com.medicarewizard.port.ReservationQueue;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The notifier's use case on AWS, for its two entries: SMS through SNS, e-mail through SES
 * ({@code MCW_MAIL_FROM}, a verified identity), events on the bus {@code MCW_EVENT_BUS_NAME}, markers
 * and the per-recipient message counts ({@code MCW_MAX_MESSAGES_PER_HOUR}) in the table. The senders'
 * clients make one attempt each ({@link AwsClients.Profile#SINGLE_ATTEMPT}); the notifier's own retry is
 * told how long such a call can take, for its time budget. The same senders, ledger and limits send the
 * reminders ({@link ReminderNotifier}). What queues commands to the allocator — the waitlist's offers
 * ({@link #waitlistOffers}) and their lapses ({@link ReminderNotifier#withOfferLapses}) — is added by the
 * entries that do it, the notifier and the reminder function, with the reservation queue; the retrier of
 * parked notifications only sends messages, and needs no queue.
 */
record NotifierWiring(TablePorts ports, OutcomeNotifier notifier, ReminderNotifier reminders) {

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
        NotifierSettings notifierSettings = NotifierSettings.standard().withMessageLimit(limit)
                .withCallTimeout(AwsClients.Profile.SINGLE_ATTEMPT.callTimeout());
        TablePatients patients = new TablePatients(ports.table());
        TableNotificationLedger ledger = new TableNotificationLedger(ports.table());
        TableRecipientQuota quota = new TableRecipientQuota(ports.table());
        return new NotifierWiring(ports, new OutcomeNotifier(patients, ports.catalog(), notifications, events, ledger,
                quota, notifierSettings, ports.clock(),
                Optional.of(new Rebooking(new TableTakenCells(ports.table()), () -> site))),
                new ReminderNotifier(new TableReservations(ports.table()), patients, ports.catalog(), notifications,
                        ledger, quota, notifierSettings, ports.clock()));
    }

    /**
     * Offers of freed times to the waitlist in the table, each queued to the allocator through {@code queue}
     * and held {@link WaitlistOffers#STANDARD_HOLD}, as the embedded runtime holds them.
     */
    WaitlistOffers waitlistOffers(ReservationQueue queue) {
        return new WaitlistOffers(new TableWaitlist(ports.table()), new TableReservations(ports.table()), queue,
                ports.catalog(), new TablePatients(ports.table()), WaitlistOffers.STANDARD_HOLD, ports.clock());
    }
}
