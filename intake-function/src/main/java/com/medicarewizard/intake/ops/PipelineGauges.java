package com.medicarewizard.intake.ops;

import com.medicarewizard.domain.operations.PipelineFigures;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.Intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads the pipeline figures from their sources. Queue depth, in-flight and dead letters come from
 * the queue; the oldest age from the oldest PENDING request; the allocator lag is the mean time from
 * request to decision over the decisions of the last minute (0 when none), whose outcomes are also
 * the per-minute counts; the stream lag comes from the runtime; parked notifications from the
 * notifier's ledger.
 */
final class PipelineGauges {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Counted up to this many: beyond it the figure says "at least" and the list is what to read. */
    private static final int PARKED_COUNT_LIMIT = 1000;
    private final Intake intake;

    PipelineGauges(Intake intake) {
        this.intake = intake;
    }

    PipelineFigures read() {
        Instant now = intake.clock().instant();
        var queue = intake.queue().figures();
        double oldest = intake.reservations().pendingSince(now, 1).stream()
                .findFirst().map(r -> seconds(r.requestedAt(), now)).orElse(0.0);
        List<Reservation> decided = intake.reservations().decidedSince(now.minus(MINUTE));
        long confirmed = decided.stream().filter(PipelineGauges::wasConfirmed).count();
        long rejected = decided.stream().filter(r -> r.status() == ReservationStatus.REJECTED).count();
        double lag = decided.stream().filter(r -> r.decidedAt().isPresent())
                .mapToDouble(r -> seconds(r.requestedAt(), r.decidedAt().get())).average().orElse(0);
        long parked = intake.operations().map(ops -> (long) ops.notifications().parked(PARKED_COUNT_LIMIT).size())
                .orElse(0L);
        return new PipelineFigures(now, queue.visible(), queue.inFlight(), oldest, queue.deadLetters(), lag,
                Math.max(0, intake.streamPosition().oldestUnconsumedAgeSeconds()), confirmed, rejected, parked);
    }

    /** A confirmation stays one even when the patient cancelled it since (it then still holds its resources). */
    private static boolean wasConfirmed(Reservation r) {
        return r.status() == ReservationStatus.CONFIRMED
                || (r.status() == ReservationStatus.CANCELLED && !r.resources().isEmpty());
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
