package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Notifications.Email;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A move's own notifications (issue 16, reschedule): one "Moved" message naming both times, with the new
 * calendar file; nothing to the patient for the replaced reservation's cancellation, which only its event
 * tells; a "Not moved" e-mail and no SMS when the move is rejected.
 */
class MoveMessagesTest {

    private static Reservation moveOf(Reservation booked) {
        return Reservation.moveRequest(ReservationId.random(), booked, booked.site(),
                booked.start().plus(Duration.ofDays(1)), booked.end().plus(Duration.ofDays(1)), Notifier.NOW, "corr-move");
    }

    @Test
    void aConfirmedMoveTellsBothTimesOnceAndTheReplacedBookingSendsThePatientNothing() {
        Notifier english = new Notifier("en");
        Reservation booked = english.change("modify-confirmed").reservation();
        Reservation move = moveOf(booked).decide(new Decision.Confirmed(booked.resources()), Notifier.NOW);
        Reservation old = booked.moveTo(move.id(), Notifier.NOW);

        english.notifier.notify(new OutcomeChange(move, ReservationStatus.CONFIRMED));
        english.notifier.notify(new OutcomeChange(old, ReservationStatus.CANCELLED));

        assertThat(english.notifications.emails).hasSize(1);
        Email email = english.notifications.emails.getFirst();
        assertThat(email.subject()).startsWith("Moved: MRI of the knee now on").contains("12 March 2030");
        assertThat(email.text()).contains("from Monday, 11 March 2030").contains("10:15")
                .contains("to Tuesday, 12 March 2030");
        assertThat(email.attachment()).isPresent();
        assertThat(english.notifications.texts).singleElement()
                .satisfies(sms -> assertThat(sms.text()).contains("moved to").contains("12 March 2030"));
        assertThat(english.events.published).hasSize(2);
        assertThat(english.events.published.get(0).replaces()).contains(old.id());
        assertThat(english.events.published.get(1)).isInstanceOf(ReservationEvent.ReservationCancelled.class);
        assertThat(english.events.published.get(1).movedTo()).contains(move.id());
    }

    @Test
    void aRejectedMoveIsAnEmailAloneSayingNothingChanged() {
        Notifier italian = new Notifier("it");
        Reservation booked = italian.change("modify-confirmed").reservation();
        Reservation move = moveOf(booked).decide(new Decision.Rejected(RejectionReason.NOT_MOVABLE), Notifier.NOW);

        italian.notifier.notify(new OutcomeChange(move, ReservationStatus.REJECTED));

        Email email = italian.notifications.emails.getFirst();
        assertThat(email.subject()).startsWith("Non spostato: Risonanza magnetica del ginocchio");
        // no booking left to move: nothing can be said to stay as it was
        assertThat(email.text()).contains("non si può più spostare").contains("come sono ora")
                .doesNotContain("resta");
        assertThat(email.attachment()).isEmpty();
        assertThat(italian.notifications.texts).isEmpty();
        assertThat(italian.events.published).singleElement()
                .satisfies(event -> assertThat(event.replaces()).contains(booked.id()));
    }

    @Test
    void aMoveToATakenTimeSaysTheBookingStaysWhereItWas() {
        Notifier english = new Notifier("en");
        Reservation booked = english.change("modify-confirmed").reservation();
        Reservation move = moveOf(booked).decide(new Decision.Rejected(RejectionReason.SLOT_TAKEN), Notifier.NOW);

        english.notifier.notify(new OutcomeChange(move, ReservationStatus.REJECTED));

        assertThat(english.notifications.emails.getFirst().text()).contains("that time has just been taken")
                .contains("Your booking of Monday, 11 March 2030, 10:15 at Nord stays as it was.");
        assertThat(english.notifications.texts).isEmpty();
    }

    @Test
    void aMoveWithdrawnBeforeItWasDecidedIsAnEmailSayingNothingWasMoved() {
        Notifier english = new Notifier("en");
        Reservation booked = english.change("modify-confirmed").reservation();
        Reservation withdrawn = moveOf(booked).requestCancellation(Notifier.NOW).cancel(Notifier.NOW);

        english.notifier.notify(new OutcomeChange(withdrawn, ReservationStatus.CANCELLED));

        assertThat(english.notifications.emails).singleElement().satisfies(email -> {
            assertThat(email.subject()).startsWith("Move withdrawn: MRI of the knee");
            assertThat(email.text()).contains("Nothing was moved").doesNotContain("free again");
        });
        assertThat(english.notifications.texts).as("no SMS for the patient's own withdrawal").isEmpty();
        assertThat(english.events.published).singleElement()
                .isInstanceOf(ReservationEvent.ReservationCancelled.class);
    }

    @Test
    void anItalianPatientReadsTheMoveInItalian() {
        Notifier italian = new Notifier("it");
        Reservation booked = italian.change("modify-confirmed").reservation();
        Reservation move = moveOf(booked).decide(new Decision.Confirmed(booked.resources()), Notifier.NOW);

        italian.notifier.notify(new OutcomeChange(move, ReservationStatus.CONFIRMED));

        assertThat(italian.notifications.emails.getFirst().subject()).startsWith("Spostato: Risonanza magnetica")
                .contains("12 marzo 2030");
        assertThat(italian.notifications.emails.getFirst().text()).contains("da lunedì 11 marzo 2030");
    }
}
