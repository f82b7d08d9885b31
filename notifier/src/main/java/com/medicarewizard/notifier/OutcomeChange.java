package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reservation that has just reached an outcome the patient is told about: its status moved
 * to CONFIRMED, REJECTED or CANCELLED in this stream record (read from NEW_AND_OLD_IMAGES). Any
 * other change — a PENDING request, a cancellation wish, a re-stored outcome, another item — is none.
 */
public record OutcomeChange(Reservation reservation, ReservationStatus outcome, Optional<ReservationStatus> was) {

    public OutcomeChange {
        if (!NotificationKey.isOutcome(outcome)) {
            throw new IllegalArgumentException(outcome + " is not an outcome");
        }
        Objects.requireNonNull(was, "was");
    }

    /** The outcome, without knowing what the reservation was before it (a parked message retried). */
    public OutcomeChange(Reservation reservation, ReservationStatus outcome) {
        this(reservation, outcome, Optional.empty());
    }

    /** @throws IllegalArgumentException when the record's reservation image is malformed */
    public static Optional<OutcomeChange> of(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> after = record.getDynamodb().getNewImage();
        if (!StreamImages.isReservation(after)) {
            return Optional.empty();
        }
        ReservationStatus now = StreamImages.status(after);
        Map<String, AttributeValue> before = record.getDynamodb().getOldImage();
        Optional<ReservationStatus> was = StreamImages.isReservation(before)
                ? Optional.of(StreamImages.status(before)) : Optional.empty();
        if (!NotificationKey.isOutcome(now) || was.filter(now::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new OutcomeChange(StreamImages.reservation(after), now, was));
    }

    /**
     * Whether {@code channel} tells this outcome: as {@link Channel#tells} says, except that a reservation
     * cancelled by a move tells its patient nothing itself (the move's own message says both times); its
     * event still goes out, for subscribers that track each reservation. A move withdrawn before it was
     * decided is told by e-mail, not SMS.
     */
    boolean tells(Channel channel) {
        if (isUnseenOffer()) {
            return false;
        }
        if (channel != Channel.EVENT && outcome == ReservationStatus.CANCELLED && reservation.movedTo().isPresent()) {
            return false;
        }
        if (channel == Channel.SMS && isWithdrawnMove()) {
            return false; // the patient's own wish, said on the page: an e-mail is enough, as for a rejection
        }
        return channel.tells(outcome);
    }

    /**
     * An offer from the waitlist that ends without the patient having taken it: rejected (its time was
     * taken before it could be held: the patient never knew of it), or cancelled before it was accepted
     * (declined, or lapsed), or cancelled while still HELD though accepted (declined before the allocator got
 * to it). Nothing is told of it, on any channel: it never was a booking.
     */
    boolean isUnseenOffer() {
        return reservation.isOffer() && (outcome == ReservationStatus.REJECTED
                || outcome == ReservationStatus.CANCELLED && (reservation.offer().get().acceptedAt().isEmpty()
                        || was.filter(ReservationStatus.HELD::equals).isPresent()));
    }

    /** A move request the patient cancelled before it was decided: no time was ever held, nothing was moved. */
    boolean isWithdrawnMove() {
        return outcome == ReservationStatus.CANCELLED && reservation.isMove() && reservation.resources().isEmpty();
    }

    NotificationKey key(com.medicarewizard.domain.notification.Channel channel) {
        return new NotificationKey(reservation.id(), outcome, channel);
    }
}
