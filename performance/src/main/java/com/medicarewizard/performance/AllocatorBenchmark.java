package com.medicarewizard.performance;

import com.medicarewizard.allocator.ReservationAllocator;
import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Slot;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.domain.patient.TaxCode;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.adapter.table.TableDecisions;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Allocator decisions per second: requests for the demo center's exams (a mix that confirms and
 * rejects) recorded PENDING, their commands sent to the queue, and the time until all are decided
 * through the event source mapping; and the same decisions made by the use case alone.
 */
final class AllocatorBenchmark {
    /** Fewer than {@link ActiveBookingsLimit#STANDARD} requests per patient: none is refused for the limit. */
    private static final int PER_PATIENT = 5;
    private final LocalRuntime runtime;
    private int patients;

    AllocatorBenchmark(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** Decisions per second through the queue and the event source mapping. */
    double throughQueue(int requests, int dayOffset) throws Exception {
        List<Reservation> pending = record(requests, dayOffset);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < pending.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Reservation r : pending.subList(i, Math.min(i + 10, pending.size()))) {
                entries.add(SendMessageBatchRequestEntry.builder().id(r.id().value())
                        .messageBody("{\"type\":\"DECIDE\",\"reservationId\":\"" + r.id() + "\"}").build());
            }
            runtime.sqs().sendMessageBatch(b -> b.queueUrl(runtime.queueUrls().queueUrl()).entries(entries));
        }
        while (!runtime.reservations().pendingSince(Instant.now().plusSeconds(3600), 1).isEmpty()) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        lastCpuMillisPerDecision = (processCpuNanos() - cpu0) / 1e6 / requests;
        return requests / seconds;
    }

    private double lastCpuMillisPerDecision;

    /** CPU time of the whole process (every thread: edge, queue, allocator) per decision of the last run. */
    double lastCpuMillisPerDecision() {
        return lastCpuMillisPerDecision;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Decisions per second of the use case alone, on the same stand-ins. */
    double useCaseAlone(int requests, int dayOffset) {
        List<Reservation> pending = record(requests, dayOffset);
        ReservationAllocator allocator = new ReservationAllocator(runtime.reservations(), runtime.ledger(),
                new TableDecisions(runtime.table()), runtime::center, ActiveBookingsLimit.standard(), Clock.systemUTC(),
                FunctionSpecs.ALLOCATOR.function().timeout().local());
        long t0 = System.nanoTime();
        for (Reservation r : pending) {
            allocator.handle(new ReservationCommand(ReservationCommand.Type.DECIDE, r.id(), "bench"));
        }
        return requests / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * A registered patient with their own address and number, so that the notifier sends each outcome as
     * it would for real, within the per-patient and per-recipient limits.
     */
    private PatientId registeredPatient() {
        PatientId patient = PatientId.random();
        int n = patients++;
        runtime.patients().register(new Patient(patient, new EmailAddress("bench-" + patient + "@example.org"),
                "$2a$10$benchmarkPatientHasNoUsablePasswordXXXXXXXXXXXXXXXXXX", "Maria", "Rossi",
                new PhoneNumber("+39347" + String.format("%07d", n % 10_000_000)), new TaxCode("RSSMRA85T10A562S"),
                LocalDate.of(1985, 12, 10), "it", Instant.now()));
        return patient;
    }

    private List<Reservation> record(int requests, int dayOffset) {
        Center center = runtime.center();
        BookingRules rules = new BookingRules(center);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(dayOffset);
        List<Reservation> made = new ArrayList<>();
        PatientId patient = registeredPatient();
        for (ExamType exam : center.examTypes()) {
            List<Slot> slots = new AvailabilityCalculator(rules).compute(exam, center.sites(), day, day.plusDays(6),
                    Instant.now(), TakenCells.none());
            for (int i = 0; i < slots.size() && made.size() < requests; i += 1) {
                if (made.size() % PER_PATIENT == 0) {
                    patient = registeredPatient();
                }
                Slot s = slots.get(i);
                Reservation r = Reservation.request(ReservationId.random(), patient, exam.code(), s.site().id(),
                        s.start(), s.end(), Instant.now(), "bench");
                made.add(runtime.reservations().create(r, Optional.empty()).reservation());
                if (i % 3 == 0 && made.size() < requests) {
                    Reservation twin = Reservation.request(ReservationId.random(), patient, exam.code(),
                            s.site().id(), s.start(), s.end(), Instant.now(), "bench");
                    made.add(runtime.reservations().create(twin, Optional.empty()).reservation());
                }
            }
        }
        if (made.size() < requests) {
            throw new IllegalStateException("only " + made.size() + " starts in the week; ask for fewer requests");
        }
        return made;
    }
}
