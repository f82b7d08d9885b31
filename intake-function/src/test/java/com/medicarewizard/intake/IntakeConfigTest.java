package com.medicarewizard.intake;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeConfigTest {

    @Test
    void defaultsToNoOperatorAccessAndOneHourTokens() {
        IntakeConfig config = IntakeConfig.fromEnvironment(Map.of());

        assertThat(config.opsToken()).isEmpty();
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.limits()).isEqualTo(Limits.standard());
        assertThat(config.availabilityCache()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDeploymentsTokenLifetimeAppliesUnlessTheEnvironmentSetsOne() {
        Duration deployed = Duration.ofMinutes(20);

        assertThat(IntakeConfig.fromEnvironment(Map.of(), deployed).tokenTtl()).isEqualTo(deployed);
        assertThat(IntakeConfig.fromEnvironment(Map.of("MCW_TOKEN_TTL_SECONDS", " "), deployed).tokenTtl())
                .isEqualTo(deployed);
        assertThat(IntakeConfig.fromEnvironment(Map.of("MCW_TOKEN_TTL_SECONDS", "600"), deployed).tokenTtl())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void readsHowLongAvailabilityAnswersAreKept() {
        assertThat(IntakeConfig.fromEnvironment(Map.of("MCW_AVAILABILITY_CACHE_MILLIS", " 250 ")).availabilityCache())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(IntakeConfig.fromEnvironment(Map.of("MCW_AVAILABILITY_CACHE_MILLIS", "0")).availabilityCache())
                .isZero();
        assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_AVAILABILITY_CACHE_MILLIS", "1s")))
                .hasMessageContaining("MCW_AVAILABILITY_CACHE_MILLIS");
        assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_AVAILABILITY_CACHE_MILLIS", "-1")))
                .hasMessageContaining("MCW_AVAILABILITY_CACHE_MILLIS");
        assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_AVAILABILITY_CACHE_MILLIS", "600000")))
                .hasMessageContaining("MCW_AVAILABILITY_CACHE_MILLIS");
    }

    @Test
    void readsTheOpsTokenAndTokenLifetime() {
        IntakeConfig config = IntakeConfig.fromEnvironment(
                Map.of("MCW_OPS_TOKEN", " 0123456789abcdef0123 ", "MCW_TOKEN_TTL_SECONDS", "900"));

        assertThat(config.opsToken()).contains("0123456789abcdef0123");
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void readsHowManyReservationRequestsAPatientMakesAMinute() {
        assertThat(IntakeConfig.fromEnvironment(Map.of("MCW_RESERVATION_REQUESTS_PER_MINUTE", " 5 ")).limits()
                .reservationRequests().limit()).isEqualTo(5);
        assertThat(IntakeConfig.fromEnvironment(Map.of("MCW_RESERVATION_REQUESTS_PER_MINUTE", "")).limits())
                .isEqualTo(Limits.standard());
        for (String wrong : new String[] {"0", "-3", "twenty", "10001"}) {
            assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_RESERVATION_REQUESTS_PER_MINUTE", wrong)))
                    .hasMessageContaining("MCW_RESERVATION_REQUESTS_PER_MINUTE");
        }
    }

    @Test
    void readsHowManyRegistrationsOneClientAddressMakesAnHour() {
        assertThat(IntakeConfig.fromEnvironment(Map.of("MCW_REGISTRATIONS_PER_ADDRESS_PER_HOUR", "5000")).limits()
                .registrationsPerAddress().limit()).isEqualTo(5000);
        assertThat(IntakeConfig.fromEnvironment(Map.of()).limits().registrationsPerAddress().limit()).isEqualTo(30);
        for (String wrong : new String[] {"0", "-1", "many", "100001"}) {
            assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_REGISTRATIONS_PER_ADDRESS_PER_HOUR", wrong)))
                    .hasMessageContaining("MCW_REGISTRATIONS_PER_ADDRESS_PER_HOUR");
        }
    }

    @Test
    void refusesWeakOrNonsensicalSettings() {
        assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_OPS_TOKEN", "short")))
                .hasMessageContaining("MCW_OPS_TOKEN");
        assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_TOKEN_TTL_SECONDS", "an hour")))
                .hasMessageContaining("MCW_TOKEN_TTL_SECONDS");
        assertThatThrownBy(() -> IntakeConfig.fromEnvironment(Map.of("MCW_TOKEN_TTL_SECONDS", "5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShorterTokenLifetimeIsWhatLoginAnswers() {
        var api = new com.medicarewizard.intake.fakes.Api(IntakeConfig.fromEnvironment(Map.of("MCW_TOKEN_TTL_SECONDS", "600")));

        var reply = api.login(api.registerPatient(), com.medicarewizard.intake.fakes.Api.PASSWORD);

        assertThat(reply.body().get("expiresIn").asLong()).isEqualTo(600);
    }
}
