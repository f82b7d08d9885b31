package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.DeadLetters.DeadLetter;
import com.medicarewizard.port.DeadLetters.Redrive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeadLetters} adapter promises. Subclasses give empty queues per test and a
 * way to put a message body into the dead-letter queue and to take what is on the live queue.
 */
public abstract class DeadLettersContract {
    private DeadLetters deadLetters;

    protected abstract DeadLetters newDeadLetters();

    /** Puts a message with the body into the dead-letter queue; answers its message id. */
    protected abstract String deadLetter(String body);

    /** Takes every message body now on the live queue. */
    protected abstract List<String> drainQueue();

    @BeforeEach
    void freshQueues() {
        deadLetters = newDeadLetters();
    }

    @Test
    void listsDeadLettersWithoutTakingThemAway() {
        ReservationId reservation = ReservationId.random();
        String id = deadLetter("{\"type\":\"DECIDE\",\"reservationId\":\"" + reservation + "\"}");
        String poison = deadLetter("not a command");
        List<DeadLetter> listed = deadLetters.list(10);
        assertThat(listed).extracting(DeadLetter::messageId).containsExactlyInAnyOrder(id, poison);
        assertThat(listed).filteredOn(d -> d.messageId().equals(id)).singleElement()
                .extracting(DeadLetter::reservation).isEqualTo(Optional.of(reservation));
        assertThat(listed).filteredOn(d -> d.messageId().equals(poison)).singleElement()
                .extracting(DeadLetter::reservation).isEqualTo(Optional.empty());
        assertThat(deadLetters.list(10)).hasSize(2);
    }

    @Test
    void redriveStartsMovingThemBackToTheQueueAndSaysSo() {
        deadLetter("first");
        deadLetter("second");

        Redrive move = deadLetters.redrive();

        assertThat(move.started()).isTrue();
        assertThat(move.messages()).isEqualTo(2);
        List<String> arrived = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            arrived.addAll(drainQueue());
            assertThat(arrived).containsExactlyInAnyOrder("first", "second");
        });
        assertThat(deadLetters.list(10)).isEmpty();
    }

    @Test
    void redriveOfNothingStartsNothing() {
        assertThat(deadLetters.redrive()).isEqualTo(new Redrive(false, 0, Optional.empty()));
    }

    @Test
    void listsMoreThanOneReceiveHolds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(deadLetter("letter " + i));
        }
        assertThat(deadLetters.list(200)).extracting(DeadLetter::messageId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(deadLetters.list(20)).hasSize(20);
    }
}
