package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.Reservations.DecisionLease;
import com.medicarewizard.port.fakes.InMemoryMessageFailures;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the allocator's Lambda answers the event source for each message of a batch. */
class AllocatorHandlerTest {
    private final InMemoryAllocation allocation = new InMemoryAllocation();
    private final InMemoryMessageFailures failures = new InMemoryMessageFailures();
    private final AllocatorHandler handler = new AllocatorHandler(allocation.allocator,
            message -> new ReservationCommand(ReservationCommand.Type.DECIDE, new ReservationId(message.getBody()),
                    "corr-" + message.getMessageId()), failures, allocation.clock);

    private static final Context CONTEXT = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[] {Context.class}, (proxy, method, args) -> "getAwsRequestId".equals(method.getName())
                    ? "request-1" : null);

    private static SQSEvent.SQSMessage message(String id, Reservation request) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(request.id().value());
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    private SQSBatchResponse handle(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return handler.handleRequest(event, CONTEXT);
    }

    @Test
    void aRequestAnotherConsumerIsDecidingComesBackLaterWithoutAnErrorRecorded() {
        Reservation leased = allocation.request(MRI, local("2027-12-20T10:00"));
        Reservation free = allocation.request(MRI, local("2027-12-20T11:00"));
        allocation.reservations.leaseDecision(leased.id(),
                new DecisionLease("another-consumer", allocation.clock.instant().plusSeconds(60)), allocation.clock.instant());

        SQSBatchResponse response = handle(message("m-1", leased), message("m-2", free));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-1");
        assertThat(failures.find("m-1")).as("no error for the dead-letter list").isEmpty();
        assertThat(allocation.stored(leased).status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(allocation.stored(free).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aBatchWhoseReadAtOnceFailsIsDecidedInItsOrderEachReadAlone() {
        AllocatorHandler atOnce = new AllocatorHandler(allocation.allocator,
                message -> new ReservationCommand(ReservationCommand.Type.DECIDE, new ReservationId(message.getBody()),
                        "corr-" + message.getMessageId()), failures, allocation.clock, 10);
        Reservation first = allocation.request(MRI, local("2027-12-20T10:00"));
        Reservation second = allocation.request(MRI, local("2027-12-20T10:00"));
        allocation.reservations.failFindAll(true);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", first), message("m-2", second)));

        SQSBatchResponse response = atOnce.handleRequest(event, CONTEXT);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(allocation.stored(first).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(allocation.stored(second).status()).isEqualTo(ReservationStatus.REJECTED);
    }

    /** The center's versions, version 1 {@code CenterMother}'s, as the allocator's handler reads them in AWS. */
    private final com.medicarewizard.port.fakes.InMemoryCenterVersions versions = seeded();

    private com.medicarewizard.port.fakes.InMemoryCenterVersions seeded() {
        var seeded = new com.medicarewizard.port.fakes.InMemoryCenterVersions(
                new com.medicarewizard.port.fakes.InMemoryStaffAccounts());
        seeded.seed(com.medicarewizard.domain.CenterMother.center(), allocation.clock.instant());
        return seeded;
    }

    /** A handler checking the center at each batch's start and end, its allocator on the same version. */
    private AllocatorHandler checkingTheCenter(java.util.function.Function<SQSEvent.SQSMessage, ReservationCommand> decoder) {
        var catalog = new com.medicarewizard.port.VersionedCenterCatalog(versions,
                com.medicarewizard.domain.CenterMother::center, java.time.Duration.ofMinutes(1), allocation.clock);
        ReservationAllocator allocator = new ReservationAllocator(allocation.reservations, allocation.ledger,
                allocation.decisions, catalog, InMemoryAllocation.LIMIT, allocation.clock, InMemoryAllocation.TIMEOUT,
                com.medicarewizard.port.Decisions.MAX_CELLS);
        return new AllocatorHandler(allocator, decoder, failures, allocation.clock, 1, catalog);
    }

    /**
     * Issue 18: a change of the center saved while a batch is decided on the version before it (the
     * administrator's scan of the bookings may have run before this batch's are stored): the batch's
     * bookings that the new version strands are cancelled, CENTER_CLOSED, their time freed.
     */
    @Test
    void aBookingDecidedOnACenterReplacedDuringItsBatchIsCancelledIfTheNewOneStrandsIt() {
        Reservation closedDay = allocation.request(MRI, local("2027-12-20T10:00"));
        Reservation otherDay = allocation.request(MRI, local("2027-12-21T10:00"));
        var closed = com.medicarewizard.domain.CenterMother.center();
        var closures = new java.util.ArrayList<>(closed.closures());
        closures.add(com.medicarewizard.domain.center.Closure.ofSite(com.medicarewizard.domain.CenterMother.NORD,
                java.time.LocalDate.of(2027, 12, 20), java.time.LocalDate.of(2027, 12, 20), "burst pipe"));
        var next = new com.medicarewizard.domain.center.Center(closed.sites(), closed.examTypes(), closed.resources(),
                closures, closed.policy());
        AllocatorHandler checking = checkingTheCenter(message -> {
            // the administrator saves the closure once the batch has begun on the version before it
            versions.save(1, next, allocation.clock.instant(), new com.medicarewizard.domain.staff.AuditEntry("e",
                    allocation.clock.instant(), "a", "-", "center.closure-added", "closure", Map.of(), Map.of()));
            return new ReservationCommand(ReservationCommand.Type.DECIDE, new ReservationId(message.getBody()),
                    "corr-" + message.getMessageId());
        });
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", closedDay), message("m-2", otherDay)));

        SQSBatchResponse response = checking.handleRequest(event, CONTEXT);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Reservation cancelled = allocation.stored(closedDay);
        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.reason()).contains(com.medicarewizard.domain.reservation.RejectionReason.CENTER_CLOSED);
        assertThat(allocation.ledger.holders(cancelled.resources(), cancelled.start().minusSeconds(3600),
                cancelled.end().plusSeconds(3600))).isEmpty();
        assertThat(allocation.stored(otherDay).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void withoutAChangeDuringTheBatchNothingIsCancelled() {
        Reservation booked = allocation.request(MRI, local("2027-12-20T10:00"));
        AllocatorHandler checking = checkingTheCenter(message -> new ReservationCommand(
                ReservationCommand.Type.DECIDE, new ReservationId(message.getBody()), "corr"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", booked)));

        checking.handleRequest(event, CONTEXT);

        assertThat(allocation.stored(booked).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }
}
