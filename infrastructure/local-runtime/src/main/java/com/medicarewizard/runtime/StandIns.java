package com.medicarewizard.runtime;

import com.medicarewizard.adapter.embedded.EmbeddedCenterCatalog;
import com.medicarewizard.adapter.embedded.UnforcedRateLimits;
import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.table.TableRecipientQuota;
import com.medicarewizard.adapter.embedded.InProcessEventBus;
import com.medicarewizard.adapter.embedded.outbox.Outbox;
import com.medicarewizard.adapter.embedded.outbox.OutboxFirstLedger;
import com.medicarewizard.adapter.embedded.outbox.OutboxNotifications;
import com.medicarewizard.adapter.embedded.outbox.SmtpMailer;
import com.medicarewizard.adapter.sqs.SqsDeadLetters;
import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.runtime.stream.OnFailureDestination;
import com.medicarewizard.adapter.table.TableRateLimits;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.adapter.embedded.PrivateFiles;
import com.medicarewizard.adapter.sqs.SqsReservationQueue;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.runtime.demo.DemoCenter;
import com.medicarewizard.adapter.table.TableCenterVersions;
import com.medicarewizard.port.VersionedCenterCatalog;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.LocalSqsClients;
import com.medicarewizard.runtime.sqs.QueueSetup;
import com.medicarewizard.runtime.sqs.QueueSpec;
import com.medicarewizard.runtime.sqs.GroupedSends;
import com.medicarewizard.runtime.sqs.QueueUrls;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The local stand-ins behind the ports, opened on the data directory: ElasticMQ for the
 * reservation queue (+ dead-letter queue), the embedded durable table for reservations, cells,
 * patients, tokens, notification markers and per-recipient message counts, the center's configuration (seeded with the demo
 * center on first start), the outbox (plus SMTP when configured), the in-process event bus, and
 * the stream mapping's on-failure destination.
 */
record StandIns(EmbeddedSqsServer sqsServer, SqsClient sqs, SqsClient functionsSqs, QueueUrls queueUrls, EmbeddedTable table,
                ReservationQueue queue, Reservations reservations, SlotLedger ledger, Patients patients,
                Tokens tokens, RateLimits rateLimits, CenterCatalog catalog, DeadLetters deadLetters,
                MessageFailures failures, OutboxFirstLedger notificationLedger, RecipientQuota recipientQuota,
                OutboxNotifications outbox,
                InProcessEventBus events, OnFailureDestination streamFailures) implements AutoCloseable {

    /** Opens the stand-ins; when one cannot be opened, those opened before it are closed again. */
    static StandIns open(RuntimeConfig config, TableOptions tableOptions, Clock clock) throws IOException {
        PrivateFiles.directory(config.dataDirectory());
        PrivateFiles.tighten(config.dataDirectory());
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            EmbeddedSqsServer server = opened(opened, EmbeddedSqsServer.start(0));
            SqsClient sqs = opened(opened, LocalSqsClients.forServer(server));
            SqsClient functionsSqs = opened(opened, LocalSqsClients.forFunctions(server));
            QueueUrls urls = new QueueSetup(sqs).create(queueSpec(config));
            EmbeddedTable table = opened(opened, EmbeddedTables.open(config.dataDirectory().resolve("table"), tableOptions));
            CenterCatalog catalog = seededCatalog(table, config, clock);
            SqsReservationQueue sqsQueue = new SqsReservationQueue(functionsSqs, urls.queueUrl(), urls.deadLetterQueueUrl());
            GroupedSends grouped = opened(opened, new GroupedSends(sqsQueue::sendBatch, sqsQueue::figures));
            OutboxNotifications outbox = new OutboxNotifications(new Outbox(config.dataDirectory().resolve("outbox")),
                    config.smtp().map(SmtpMailer::new), clock);
            return new StandIns(server, sqs, functionsSqs, urls, table,
                    grouped,
                    new TableReservations(table), new TableSlotLedger(table), new TablePatients(table),
                    new TableTokens(table), new UnforcedRateLimits(table, new TableRateLimits(table)), catalog,
                    new SqsDeadLetters(functionsSqs, urls.queueUrl(), urls.deadLetterQueueUrl()),
                    new TableMessageFailures(table), new OutboxFirstLedger(new TableNotificationLedger(table), outbox), new TableRecipientQuota(table), outbox,
                    new InProcessEventBus(), new OnFailureDestination(
                            config.dataDirectory().resolve("stream-failures").resolve("notifier.jsonl")));
        } catch (RuntimeException e) {
            // e.g. the table locked by another process: the queue server must not stay up serving nothing
            opened.forEach(LocalRuntime::closeQuietly);
            throw e;
        }
    }

    /** How long the intake and the notifier keep a version of the center before checking for a newer one. */
    static final Duration CENTER_MAX_AGE = Duration.ofSeconds(1);

    /**
     * The center as the table keeps it, versioned; a fresh installation's table is seeded once from the
     * center file ({@code data/center.json}, written from the demo center if there is none), which is not
     * read again after that: the administrators change the center through the staff pages.
     */
    private static CenterCatalog seededCatalog(EmbeddedTable table, RuntimeConfig config, Clock clock) {
        VersionedCenterCatalog catalog = new VersionedCenterCatalog(new TableCenterVersions(table),
                () -> new EmbeddedCenterCatalog(config.dataDirectory().resolve("center.json"),
                        () -> DemoCenter.create(LocalDate.now(clock))).current(), CENTER_MAX_AGE, clock);
        // read (and seeded) now: a broken center file stops the start, with a message naming it
        catalog.fresh();
        return catalog;
    }

    private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    /** The reservation queue and its dead-letter queue. */
    static QueueSpec queueSpec(RuntimeConfig config) {
        return new QueueSpec("reservation-requests", config.visibilityTimeout(), config.maxReceiveCount(),
                "reservation-requests-dlq");
    }

    @Override
    public void close() {
        if (queue instanceof GroupedSends grouped) {
            grouped.close();
        }
        LocalRuntime.closeQuietly(sqs);
        LocalRuntime.closeQuietly(functionsSqs);
        LocalRuntime.closeQuietly(sqsServer);
        LocalRuntime.closeQuietly(table);
    }
}
