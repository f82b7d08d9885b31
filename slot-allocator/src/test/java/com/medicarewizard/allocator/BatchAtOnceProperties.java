package com.medicarewizard.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.fakes.InMemoryMessageFailures;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A batch decided at once ({@link AllocatorHandler} with a parallelism) ends exactly as the same batch
 * decided one command after another in its order: the same reservations in the same states, on the
 * same resources, for the same reasons, and the same cells held. Requests, moves and cancellations
 * crowd a few days and a few patients (whose limit of active bookings makes the order matter), so
 * commands that share a day or a patient are common and must keep their order.
 */
class BatchAtOnceProperties {
    private static final Instant MONDAY_NINE = InMemoryAllocation.local("2027-12-20T09:00");
    private static final Context CONTEXT = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[] {Context.class}, (proxy, method, args) -> "getAwsRequestId".equals(method.getName())
                    ? "request-1" : null);

    enum Kind { REQUEST, CANCEL, MOVE }

    record Entry(Kind kind, ExamTypeCode exam, int day, int quarter, int patient) {
        Instant start() {
            return MONDAY_NINE.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(15L * quarter));
        }
    }

    @Property(tries = 150)
    void aBatchDecidedAtOnceEndsAsItsOrderDecides(@ForAll("batches") List<Entry> batch) {
        InMemoryAllocation atOnce = new InMemoryAllocation();
        List<PatientId> patients = List.of(PatientId.random(), PatientId.random(), PatientId.random());
        List<Reservation> booked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Reservation request = atOnce.request(CenterMother.MRI, MONDAY_NINE.plus(Duration.ofDays(i % 3))
                    .plus(Duration.ofHours(i)), patients.get(i % 3));
            atOnce.decide(request);
            booked.add(request);
        }
        List<ReservationCommand> commands = new ArrayList<>();
        for (Entry entry : batch) {
            switch (entry.kind()) {
                case REQUEST -> commands.add(decide(atOnce.request(entry.exam(), entry.start(), patients.get(entry.patient()))));
                case CANCEL -> {
                    Reservation stored = atOnce.stored(booked.get(entry.quarter() % booked.size()));
                    if (stored.isCancellable() && stored.cancelRequestedAt().isEmpty()) {
                        atOnce.reservations.update(stored.requestCancellation(atOnce.clock.instant()));
                        commands.add(new ReservationCommand(ReservationCommand.Type.CANCEL, stored.id(), "corr"));
                    }
                }
                case MOVE -> {
                    Reservation stored = atOnce.stored(booked.get(entry.patient() % booked.size()));
                    if (stored.status() == ReservationStatus.CONFIRMED && stored.cancelRequestedAt().isEmpty()) {
                        commands.add(decide(atOnce.move(stored, entry.start())));
                    }
                }
            }
        }
        InMemoryAllocation inOrder = copyOf(atOnce);

        SQSBatchResponse parallel = handler(atOnce, 10).handleRequest(event(commands), CONTEXT);
        SQSBatchResponse sequential = handler(inOrder, 1).handleRequest(event(commands), CONTEXT);

        assertThat(parallel.getBatchItemFailures()).isEmpty();
        assertThat(sequential.getBatchItemFailures()).isEmpty();
        assertThat(atOnce.reservations.snapshot()).isEqualTo(inOrder.reservations.snapshot());
        assertThat(atOnce.ledger.all()).isEqualTo(inOrder.ledger.all());
        assertThat(atOnce.ledger.all()).isEqualTo(atOnce.cellsOfConfirmed());
    }

    private static ReservationCommand decide(Reservation request) {
        return new ReservationCommand(ReservationCommand.Type.DECIDE, request.id(), "corr");
    }

    /** Another allocation holding the same reservations and cells: the same start for the other way of deciding. */
    private static InMemoryAllocation copyOf(InMemoryAllocation allocation) {
        InMemoryAllocation copy = new InMemoryAllocation();
        allocation.reservations.snapshot().values().forEach(copy.reservations::put);
        allocation.ledger.all().forEach((cell, holder) -> copy.ledger.claim(holder, List.of(cell)));
        return copy;
    }

    private static AllocatorHandler handler(InMemoryAllocation allocation, int parallelism) {
        return new AllocatorHandler(allocation.allocator, message -> {
            String[] parts = message.getBody().split(":");
            return new ReservationCommand(ReservationCommand.Type.valueOf(parts[0]), new ReservationId(parts[1]), "corr");
        }, new InMemoryMessageFailures(), allocation.clock, parallelism);
    }

    private static SQSEvent event(List<ReservationCommand> commands) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + i);
            message.setBody(commands.get(i).type() + ":" + commands.get(i).reservation().value());
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    @Provide
    Arbitrary<List<Entry>> batches() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(6, Kind.REQUEST), Tuple.of(2, Kind.CANCEL),
                Tuple.of(2, Kind.MOVE));
        Arbitrary<ExamTypeCode> exams = Arbitraries.frequency(Tuple.of(3, CenterMother.MRI), Tuple.of(1, CenterMother.ECG));
        return Combinators.combine(kinds, exams, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 2)).as(Entry::new).list().ofMinSize(2).ofMaxSize(10);
    }
}
