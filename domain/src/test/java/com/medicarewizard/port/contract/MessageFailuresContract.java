package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.MessageFailures.MessageFailure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MessageFailures} adapter promises. Subclasses give a fresh, empty store per test. */
public abstract class MessageFailuresContract {
    private static final Instant AT = Instant.parse("2030-03-04T08:00:00.125Z");
    private MessageFailures failures;

    protected abstract MessageFailures newFailures();

    @BeforeEach
    void freshStore() {
        failures = newFailures();
    }

    @Test
    void keepsTheLatestFailureOfEachMessage() {
        String id = UUID.randomUUID().toString();
        ReservationId reservation = ReservationId.random();
        failures.record(new MessageFailure(id, Optional.of(reservation), "first", 1, AT));
        MessageFailure last = new MessageFailure(id, Optional.of(reservation), "second", 2, AT.plusSeconds(5));
        failures.record(last);
        assertThat(failures.find(id)).contains(last);
    }

    @Test
    void aMessageWithoutReservationIsKeptToo() {
        MessageFailure undecodable = new MessageFailure("m-1", Optional.empty(), "not a command", 3, AT);
        failures.record(undecodable);
        assertThat(failures.find("m-1")).contains(undecodable);
        assertThat(failures.find("m-2")).isEmpty();
    }
}
