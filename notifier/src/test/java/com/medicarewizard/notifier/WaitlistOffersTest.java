package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.domain.waitlist.WaitlistEntry;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.fakes.InMemoryNotificationLedger;
import com.medicarewizard.port.fakes.InMemoryPatients;
import com.medicarewizard.port.fakes.InMemoryRecipientQuota;
import com.medicarewizard.port.fakes.InMemoryReservationQueue;
import com.medicarewizard.port.fakes.InMemoryReservations;
import com.medicarewizard.port.fakes.InMemoryWaitlist;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who gets a freed time, once: the first entry it fits, in joining order, never one it was offered to,
 * never an erasing patient; a record handled twice makes one offer; the lapse of an unanswered offer
 * passes it on, and an accepted one is never lapsed.
 */
class WaitlistOffersTest {
    private static final Instant NOW = Instant.parse("2030-03-01T08:00:00Z");
    private static final Instant START = Instant.parse("2030-03-11T09:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(15);
    private final InMemoryWaitlist waitlist = new InMemoryWaitlist();
    private final InMemoryReservations reservations = new InMemoryReservations();
    private final InMemoryReservationQueue queue = new InMemoryReservationQueue();
    private final InMemoryPatients patients = new InMemoryPatients();
    private final MutableClock clock = new MutableClock(NOW);
    private final WaitlistOffers offers = new WaitlistOffers(waitlist, reservations, queue, CenterMother::center,
            patients, HOLD, clock);

    private Reservation freed() {
        Reservation request = Reservation.request(ReservationId.random(), PatientId.random(), CenterMother.MRI,
                CenterMother.NORD, START, START.plus(Duration.ofMinutes(30)), NOW.minusSeconds(3600), "corr-freed");
        return request.decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"), new ResourceId("RAD-1"))),
                NOW.minusSeconds(3500)).requestCancellation(NOW.minusSeconds(60)).cancel(NOW.minusSeconds(59));
    }

    private WaitlistEntry waiting(Instant joined) {
        PatientId patient = PatientId.random();
        patients.register(PatientMother.patient(patient, patient.value() + "@example.org", "en"));
        WaitlistEntry entry = WaitlistEntry.join(patient, CenterMother.MRI, Optional.empty(), LocalDate.of(2030, 4, 1),
                joined);
        waitlist.join(entry);
        return entry;
    }

    @Test
    void theFirstToJoinIsOfferedTheTimeOnceHoweverOftenTheRecordComes() {
        WaitlistEntry second = waiting(NOW.minusSeconds(10));
        WaitlistEntry first = waiting(NOW.minusSeconds(20));
        Reservation freed = freed();

        Reservation offer = offers.offer(freed).orElseThrow();
        assertThat(offers.offer(freed)).contains(offer);

        assertThat(offer.patient()).isEqualTo(first.patient());
        assertThat(offer.status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(offer.offer().orElseThrow().waitlistEntry()).isEqualTo(first.id());
        assertThat(reservations.ofPatient(second.patient())).isEmpty();
        assertThat(waitlist.find(first.id()).orElseThrow().offered()).containsExactly(WaitlistEntry.slot(freed));
        assertThat(queue.sent()).containsOnly(new ReservationCommand(ReservationCommand.Type.DECIDE, offer.id(),
                offer.correlationId())).hasSize(2);
    }

    @Test
    void aLapsedOfferPassesToTheNextEntryAndNeverBackAndWithNobodyLeftTheTimeIsJustFree() {
        WaitlistEntry first = waiting(NOW.minusSeconds(20));
        WaitlistEntry second = waiting(NOW.minusSeconds(10));
        Reservation offer = offers.offer(freed()).orElseThrow();
        Reservation held = reservations.update(offer.decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"),
                new ResourceId("RAD-1"))), NOW));
        clock.advance(HOLD);
        Reservation lapsed = held.requestLapse(clock.instant()).cancel(clock.instant());

        Reservation next = offers.offer(lapsed).orElseThrow();

        assertThat(next.patient()).isEqualTo(second.patient());
        assertThat(next.id()).isNotEqualTo(offer.id());
        Reservation declined = next.decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"))), clock.instant())
                .requestCancellation(clock.instant()).cancel(clock.instant());
        assertThat(offers.offer(declined)).isEmpty();
        assertThat(reservations.ofPatient(first.patient())).hasSize(1);
    }

    @Test
    void noOfferForATimeTheCenterTookBackOrOneAlreadyPastNorForAPatientErasingTheirAccount() {
        WaitlistEntry erasing = waiting(NOW.minusSeconds(20));
        patients.beginErasure(erasing.patient(), NOW);
        assertThat(offers.offer(freed())).isEmpty();

        waiting(NOW.minusSeconds(10));
        Reservation closed = new Reservation(freed().id(), PatientId.random(), CenterMother.MRI, CenterMother.NORD, START,
                START.plus(Duration.ofMinutes(30)), ReservationStatus.CANCELLED, Optional.of(RejectionReason.CENTER_CLOSED),
                List.of(new ResourceId("MRI-1")), NOW, Optional.of(NOW), Optional.of(NOW), Optional.of(NOW), "c", 3,
                Optional.empty(), Optional.empty());
        assertThat(offers.offer(closed)).isEmpty();
        clock.advanceTo(START);
        assertThat(offers.offer(freed())).isEmpty();
        assertThat(queue.sent()).isEmpty();
    }

    @Test
    void anEntryWithAnOfferNotYetAnsweredIsPassedOverAndAnOfferRejectedForTooManyBookingsPassesTheTimeOn() {
        WaitlistEntry first = waiting(NOW.minusSeconds(20));
        WaitlistEntry second = waiting(NOW.minusSeconds(10));
        Reservation firstOffer = offers.offer(freed()).orElseThrow();
        assertThat(firstOffer.patient()).isEqualTo(first.patient());

        Reservation another = Reservation.request(ReservationId.random(), PatientId.random(), CenterMother.MRI,
                CenterMother.NORD, START.plus(Duration.ofHours(1)), START.plus(Duration.ofMinutes(90)),
                NOW.minusSeconds(3600), "corr-another").decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"))),
                NOW.minusSeconds(3500)).requestCancellation(NOW).cancel(NOW);
        assertThat(offers.offer(another)).hasValueSatisfying(offer -> assertThat(offer.patient())
                .as("the first waits for an answer to their offer").isEqualTo(second.patient()));

        Reservation refused = reservations.update(firstOffer.decide(
                new Decision.Rejected(RejectionReason.TOO_MANY_BOOKINGS), NOW));
        Reservation third = offers.offer(refused).orElseGet(() -> null);
        assertThat(third).as("the second has an offer of their own waiting: nobody left").isNull();
        WaitlistEntry fourth = waiting(NOW.minusSeconds(5));
        Reservation passed = offers.offer(refused).orElse(null);
        assertThat(passed).as("a second handling of the same record finds no offer made, and makes it now")
                .isNotNull();
        assertThat(passed.patient()).isEqualTo(fourth.patient());
        assertThat(passed.start()).isEqualTo(refused.start());
    }

    @Test
    void anOfferMadeButNotQueuedIsQueuedByTheRecordsNextHandling() {
        waiting(NOW.minusSeconds(20));
        Reservation freed = freed();
        queue.unavailable(true);
        assertThatThrownBy(() -> offers.offer(freed)).isInstanceOf(ReservationQueue.QueueUnavailableException.class);
        queue.unavailable(false);

        Reservation offer = offers.offer(freed).orElseThrow();

        assertThat(queue.sent()).extracting(ReservationCommand::reservation).containsExactly(offer.id());
    }

    @Test
    void theLapseOfAnOfferAcceptedInTimeAsksForItsConfirmationAndAnUnansweredOneIsCancelled() {
        waiting(NOW.minusSeconds(20));
        waiting(NOW.minusSeconds(10));
        ReminderNotifier reminders = new ReminderNotifier(reservations, patients, CenterMother::center,
                new RecordingNotifications(), new InMemoryNotificationLedger(), new InMemoryRecipientQuota(),
                Notifier.SETTINGS, clock).withOfferLapses(queue);
        Reservation accepted = reservations.update(reservations.update(offers.offer(freed()).orElseThrow()
                .decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"))), NOW)).acceptOffer(NOW.plusSeconds(60)));
        Reservation unanswered = reservations.update(offers.offer(freed()).orElseThrow()
                .decide(new Decision.Confirmed(List.of(new ResourceId("MRI-2"))), NOW));
        int before = queue.sent().size();
        clock.advance(HOLD);

        assertThat(reminders.fire(Reminder.lapseOf(accepted))).isEqualTo(ReminderNotifier.Result.STALE);
        assertThat(reminders.fire(Reminder.lapseOf(unanswered))).isEqualTo(ReminderNotifier.Result.DONE);
        assertThat(reminders.fire(Reminder.lapseOf(unanswered))).isEqualTo(ReminderNotifier.Result.DONE);

        assertThat(reservations.find(accepted.id()).orElseThrow().cancelRequestedAt()).isEmpty();
        Reservation lapsing = reservations.find(unanswered.id()).orElseThrow();
        assertThat(lapsing.reason()).contains(RejectionReason.OFFER_LAPSED);
        assertThat(queue.sent().subList(before, queue.sent().size()))
                .extracting(ReservationCommand::type, ReservationCommand::reservation)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(ReservationCommand.Type.CANCEL, unanswered.id()),
                        // the accepted one's DECIDE again, in case the one its acceptance sent was lost
                        org.assertj.core.groups.Tuple.tuple(ReservationCommand.Type.DECIDE, accepted.id()));
    }
}
