package com.medicarewizard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationCommand.Type;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservationCommandCodecTest {

    private static final ReservationId ID = new ReservationId("0b6a5d3e-8f7c-4a51-9e0e-3b1d2c4f5a69");

    @Test
    void encodesTypeAndReservationIdOnly() {
        String body = ReservationCommandCodec.body(new ReservationCommand(Type.DECIDE, ID, "corr-1"));
        assertThat(body).isEqualTo("{\"type\":\"DECIDE\",\"reservationId\":\"" + ID + "\"}");
    }

    @Test
    void decodesWhatItEncodesWithTheCorrelationAttribute() {
        ReservationCommand cancel = new ReservationCommand(Type.CANCEL, ID, "corr-2");
        assertThat(ReservationCommandCodec.parse(ReservationCommandCodec.body(cancel), Map.of("correlationId", "corr-2")))
                .isEqualTo(cancel);
    }

    @Test
    void ignoresUnknownFieldsFromNewerSenders() {
        String body = "{\"type\":\"DECIDE\",\"reservationId\":\"" + ID + "\",\"priority\":3}";
        assertThat(ReservationCommandCodec.parse(body, Map.of("correlationId", "c")).reservation()).isEqualTo(ID);
    }

    @Test
    void theReservationIdStandsInForAMissingCorrelationId() {
        String body = "{\"type\":\"DECIDE\",\"reservationId\":\"" + ID + "\"}";
        assertThat(ReservationCommandCodec.parse(body, Map.of()).correlationId()).isEqualTo(ID.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not json", "[1,2]", "\"DECIDE\"", "{}", "{\"type\":\"DECIDE\"}",
        "{\"type\":\"SHRED\",\"reservationId\":\"0b6a5d3e-8f7c-4a51-9e0e-3b1d2c4f5a69\"}",
        "{\"type\":7,\"reservationId\":\"0b6a5d3e-8f7c-4a51-9e0e-3b1d2c4f5a69\"}",
        "{\"type\":\"DECIDE\",\"reservationId\":\"r-42\"}",
        "{\"type\":\"DECIDE\",\"reservationId\":42}"})
    void rejectsAMalformedBodyWithAClearMessage(String body) {
        assertThatThrownBy(() -> ReservationCommandCodec.parse(body, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the command")
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void rejectsANullBody() {
        assertThatThrownBy(() -> ReservationCommandCodec.parse(null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the command body is empty");
    }
}
