package com.medicarewizard.intake.ops;

import com.medicarewizard.domain.operations.PipelineFigures;
import com.medicarewizard.domain.operations.WaitingPeak;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.Operations;
import com.medicarewizard.intake.StreamPosition;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the pipeline figures from their sources. Queue depth, in-flight and dead letters come from
 * the queue; the oldest age from the oldest PENDING request; the allocator lag is the mean time from
 * request to decision over the decisions of the last minute (0 when none), whose outcomes are also
 * the per-minute counts; the stream lag comes from the runtime (unknown stays unknown); parked notifications from the
 * notifier's ledger; the peak of waiting requests from the requests decided in its span and those still pending
 * (at least the queue's own count now).
 */
public final class PipelineGauges {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Counted up to this many: beyond it the figure says "at least" and the list is what to read. */
    private static final int PARKED_COUNT_LIMIT = 1000;
    /** Pending requests read for the peak of waiting ones; a backlog past it is a peak of at least this many. */
    private static final int PENDING_READ_LIMIT = 10_000;
    private final ReservationQueue queue;
    private final Reservations reservations;
    private final StreamPosition stream;
    private final Optional<NotificationLedger> notifications;
    private final Clock clock;

    /** @param notifications where parked notifications are counted; without it none are */
    public PipelineGauges(ReservationQueue queue, Reservations reservations, StreamPosition stream,
                          Optional<NotificationLedger> notifications, Clock clock) {
        this.queue = queue;
        this.reservations = reservations;
        this.stream = stream;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The gauges over the intake's ports, for the operators' route and the metrics schedule alike. */
    public static PipelineGauges of(Intake intake) {
        return new PipelineGauges(intake.queue(), intake.reservations(), intake.streamPosition(),
                intake.operations().map(Operations::notifications), intake.clock());
    }

    PipelineFigures read() {
        Instant now = clock.instant();
        var figures = queue.figures();
        double oldest = reservations.pendingSince(now, 1).stream()
                .findFirst().map(r -> seconds(r.requestedAt(), now)).orElse(0.0);
        List<Reservation> decided = reservations.decidedSince(now.minus(MINUTE));
        Instant peakFrom = now.minus(PipelineFigures.PEAK_SPAN);
        List<Reservation> waitedInSpan = new ArrayList<>(decided.stream()
                .filter(r -> r.decidedAt().isPresent() && !r.decidedAt().get().isBefore(peakFrom)).toList());
        waitedInSpan.addAll(reservations.pendingSince(now, PENDING_READ_LIMIT));
        long peak = Math.max(WaitingPeak.within(waitedInSpan, peakFrom, now), figures.visible() + figures.inFlight());
        long confirmed = decided.stream().filter(PipelineGauges::wasConfirmed).count();
        long rejected = decided.stream().filter(r -> r.status() == ReservationStatus.REJECTED).count();
        double lag = decided.stream().filter(r -> r.decidedAt().isPresent())
                .mapToDouble(r -> seconds(r.requestedAt(), r.decidedAt().get())).average().orElse(0);
        long parked = notifications.map(ledger -> (long) ledger.parked(PARKED_COUNT_LIMIT).size()).orElse(0L);
        return new PipelineFigures(now, figures.visible(), figures.inFlight(), oldest, figures.deadLetters(), lag,
                nonNegative(stream.oldestUnconsumedAgeSeconds()), confirmed, rejected, parked, peak);
    }

    /** A confirmation stays one even when the patient cancelled it since (it then still holds its resources). */
    private static boolean wasConfirmed(Reservation r) {
        return r.status() == ReservationStatus.CONFIRMED
                || (r.status() == ReservationStatus.CANCELLED && !r.resources().isEmpty());
    }

    private static OptionalDouble nonNegative(OptionalDouble seconds) {
        return seconds.isPresent() ? OptionalDouble.of(Math.max(0, seconds.getAsDouble())) : seconds;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
