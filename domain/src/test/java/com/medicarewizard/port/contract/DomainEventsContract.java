package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.DomainEvents;
import com.medicarewizard.port.DomainEvents.PublishFailedException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DomainEvents} adapter promises: each event published with its own id, so that
 * a repeat (a stream redelivery) carries the same id and subscribers can drop it; and an event the
 * bus refuses is a failed publish, never a silent loss. Subclasses give a fresh bus per test and
 * the ids of the events it took.
 */
public abstract class DomainEventsContract {
    private static final Instant DECIDED = Instant.parse("2030-03-04T08:00:05Z");
    private DomainEvents events;

    protected abstract DomainEvents newEvents();

    /** The event ids the bus took, oldest first. */
    protected abstract List<String> publishedEventIds();

    @BeforeEach
    void freshBus() {
        events = newEvents();
    }

    @Test
    void publishesEachOutcomeWithItsEventId() {
        Reservation pending = ReservationMother.pending(PatientId.random());
        Reservation confirmed = ReservationMother.confirmed(pending, DECIDED);
        Reservation rejected = ReservationMother.rejected(ReservationMother.pending(PatientId.random()), DECIDED);

        events.publish(ReservationEvent.of(confirmed, ReservationStatus.CONFIRMED));
        events.publish(ReservationEvent.of(rejected, ReservationStatus.REJECTED));
        events.publish(ReservationEvent.of(confirmed.cancel(DECIDED.plusSeconds(60)), ReservationStatus.CANCELLED));

        assertThat(publishedEventIds()).containsExactly(
                ReservationEvent.eventId(confirmed.id(), ReservationStatus.CONFIRMED),
                ReservationEvent.eventId(rejected.id(), ReservationStatus.REJECTED),
                ReservationEvent.eventId(confirmed.id(), ReservationStatus.CANCELLED));
    }

    @Test
    void theSameOutcomePublishedAgainCarriesTheSameId() {
        Reservation confirmed = ReservationMother.confirmed(ReservationMother.pending(PatientId.random()), DECIDED);

        events.publish(ReservationEvent.of(confirmed, ReservationStatus.CONFIRMED));
        events.publish(ReservationEvent.of(confirmed, ReservationStatus.CONFIRMED));

        assertThat(publishedEventIds()).hasSize(2).containsOnly(
                ReservationEvent.eventId(confirmed.id(), ReservationStatus.CONFIRMED));
    }

    @Test
    void anEventTheBusRefusesIsAFailedPublish() {
        // over PutEvents' 256 KB per entry: EventBridge refuses it, and so must every bus
        Reservation oversized = Reservation.request(ReservationId.random(), PatientId.random(), ReservationMother.EXAM,
                ReservationMother.SITE, ReservationMother.START, ReservationMother.START.plusSeconds(1800),
                ReservationMother.REQUESTED_AT, "c".repeat(300_000));
        Reservation confirmed = ReservationMother.confirmed(oversized, DECIDED);

        assertThatThrownBy(() -> events.publish(ReservationEvent.of(confirmed, ReservationStatus.CONFIRMED)))
                .isInstanceOf(PublishFailedException.class);
        assertThat(publishedEventIds()).isEmpty();
    }
}
