package com.medicarewizard.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.medicarewizard.adapter.embedded.StreamedReservationChanges;
import com.medicarewizard.adapter.sqs.ReservationCommandCodec;
import com.medicarewizard.adapter.table.TableDecisions;
import com.medicarewizard.adapter.table.TableAuditTrail;
import com.medicarewizard.adapter.table.TableCenterVersions;
import com.medicarewizard.adapter.table.TableDeskMarks;
import com.medicarewizard.adapter.table.TablePasswordResets;
import com.medicarewizard.adapter.table.TableStaffAccounts;
import com.medicarewizard.allocator.AllocatorHandler;
import com.medicarewizard.allocator.MessageAttributes;
import com.medicarewizard.allocator.PendingRequestSweeper;
import com.medicarewizard.allocator.ReservationAllocator;
import com.medicarewizard.allocator.SweeperHandler;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.intake.ApiHandler;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.Operations;
import com.medicarewizard.intake.StreamPosition;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.notifier.OutcomeNotifier;
import com.medicarewizard.notifier.Rebooking;
import com.medicarewizard.notifier.WaitlistOffers;
import com.medicarewizard.adapter.table.TableWaitlist;
import com.medicarewizard.notifier.ParkedNotificationRetrier;
import com.medicarewizard.notifier.ParkedRetryHandler;
import com.medicarewizard.notifier.ReminderNotifier;
import com.medicarewizard.adapter.table.TableReminderSchedule;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.PipelineMetrics;
import com.medicarewizard.port.VersionedCenterCatalog;
import com.medicarewizard.runtime.lambda.PlatformThreadHasher;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds each function's handler on the stand-ins, once, as a Lambda container would. */
record Functions(StandIns standIns, RuntimeConfig config, Clock clock) {
    /**
     * Reads waiting for a decision at once, at most: half the requests the edge handles at once
     * ({@link LocalRuntime#EDGE_LIMITS}), so that waiting patients never hold more than half of them.
     */
    static final int MAX_WAITERS = LocalRuntime.EDGE_LIMITS.maxInFlight() / 2;

    AllocatorHandler allocator() {
        int atOnce = FunctionSpecs.ALLOCATOR.decidedAtOnce().local();
        // its own copy of the center, checked at each batch's end and, when older than a second, at its start
        var center = new VersionedCenterCatalog(new TableCenterVersions(standIns.table()), standIns.catalog()::current,
                StandIns.CENTER_MAX_AGE, clock);
        ReservationAllocator allocator = new ReservationAllocator(standIns.reservations(), standIns.ledger(),
                new TableDecisions(standIns.table()), center, config.activeBookings(), clock,
                FunctionSpecs.ALLOCATOR.function().timeout().local(), Decisions.MAX_CELLS, atOnce > 1);
        return new AllocatorHandler(allocator, message -> ReservationCommandCodec.parse(message.getBody(),
                MessageAttributes.strings(message)), standIns.failures(), clock,
                atOnce, center);
    }

    SweeperHandler sweeper() {
        return new SweeperHandler(new PendingRequestSweeper(standIns.reservations(), standIns.queue(), clock,
                config.sweepAfter(), FunctionSpecs.SWEEPER.batch()));
    }

    /**
     * The intake's handler; {@code hasher} hashes passwords (see {@link PlatformThreadHasher}); a read
     * waiting for a decision is woken by the table's change stream.
     */
    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> intake(StreamPosition stream,
                                                                                     PasswordHasher hasher, URI site) {
        Operations ops = new Operations(standIns.deadLetters(), standIns.failures(), standIns.notificationLedger(),
                Optional.of(standIns.outbox()), PipelineMetrics.NONE);
        return new ApiHandler(new Intake(standIns.catalog(), standIns.ledger(), standIns.reservations(),
                standIns.queue(), standIns.patients(), standIns.tokens(), standIns.rateLimits(), config.intake(), clock)
                .withStreamPosition(stream).withPasswordHasher(hasher).withOperations(ops)
                .withPasswordResets(new TablePasswordResets(standIns.table()), standIns.outbox())
                .withStaff(new Intake.StaffPorts(new TableStaffAccounts(standIns.table()),
                        new TableAuditTrail(standIns.table()), standIns.outbox(), site,
                        new TableCenterVersions(standIns.table()), new TableDeskMarks(standIns.table())))
                .withRecipientQuota(standIns.recipientQuota())
                .withWaitlist(waitlist())
                .withChanges(new StreamedReservationChanges(standIns.table().stream(), standIns.reservations(),
                        MAX_WAITERS)));
    }

    /**
     * The notifier's use case, shared by the stream handler and the parked-notification retrier (one
     * container); it keeps each reservation's reminders in the table's schedule ({@link ReminderTimer}).
     *
     * @param site the website's address, which the links of its messages point to (known once the edge is up)
     */
    OutcomeNotifier outcomeNotifier(Supplier<URI> site) {
        return new OutcomeNotifier(standIns.patients(), standIns.catalog(), standIns.outbox(), standIns.events(),
                standIns.notificationLedger(), standIns.recipientQuota(), config.notifier(), clock,
                Optional.of(new Rebooking(standIns.ledger(), site)))
                .withReminders(reminderSchedule())
                .withWaitlist(new WaitlistOffers(waitlist(), standIns.reservations(), standIns.queue(), standIns.catalog(),
                        standIns.patients(), config.offerHold(), clock));
    }

    /** The waitlist: items of the table. */
    TableWaitlist waitlist() {
        return new TableWaitlist(standIns.table());
    }

    /** The reminders' schedule: items of the table, read by {@link ReminderTimer}. */
    TableReminderSchedule reminderSchedule() {
        return new TableReminderSchedule(standIns.table());
    }

    /** The reminder function's use case. */
    ReminderNotifier reminderNotifier() {
        return new ReminderNotifier(standIns.reservations(), standIns.patients(), standIns.catalog(), standIns.outbox(),
                standIns.notificationLedger(), standIns.recipientQuota(), config.notifier(), clock)
                .withOfferLapses(standIns.queue());
    }

    ParkedRetryHandler parkedRetrier(OutcomeNotifier notifier, ReminderNotifier reminders) {
        return new ParkedRetryHandler(new ParkedNotificationRetrier(standIns.notificationLedger(),
                standIns.reservations(), notifier, clock, FunctionSpecs.PARKED_RETRY.batch()).withReminders(reminders));
    }
}
