package com.medicarewizard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.notifier.MessageLimit;
import com.medicarewizard.functions.StreamSource;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.sqs.MappingConfig;
import com.medicarewizard.runtime.stream.StreamMappingConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/** The embedded runtime runs with the local values of FunctionSpecs, unless its environment says otherwise. */
class RuntimeSettingsTest {

    @Test
    void withoutAnEnvironmentTheRuntimeRunsWithTheSpecsLocalValues() {
        RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of());

        assertThat(config.sweepAfter()).isEqualTo(FunctionSpecs.SWEEPER.patience().local());
        assertThat(config.sweepEvery()).isEqualTo(FunctionSpecs.SWEEPER.every().local());
        assertThat(config.visibilityTimeout()).isEqualTo(FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().local());
        assertThat(config.maxReceiveCount()).isEqualTo(FunctionSpecs.ALLOCATOR.queue().maxReceiveCount());
        assertThat(config.retryParkedEvery()).isEqualTo(FunctionSpecs.PARKED_RETRY.every().local());
        assertThat(config.intake().tokenTtl()).isEqualTo(FunctionSpecs.INTAKE.tokenLifetime());
        assertThat(config.activeBookings().max()).isEqualTo(FunctionSpecs.LIMITS.activeBookingsPerPatient());
        assertThat(config.notifier().messageLimit())
                .isEqualTo(MessageLimit.perHour(FunctionSpecs.LIMITS.messagesPerRecipientPerHour()));
    }

    @Test
    void theEnvironmentSetsTheAbuseLimitsOfTheIntakeTheAllocatorAndTheNotifier() {
        RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("MCW_MAX_ACTIVE_BOOKINGS", "3",
                "MCW_MAX_MESSAGES_PER_HOUR", "4"));

        assertThat(config.intake().activeBookings()).isEqualTo(new ActiveBookingsLimit(3));
        assertThat(config.activeBookings()).isEqualTo(new ActiveBookingsLimit(3));
        assertThat(config.notifier().messageLimit()).isEqualTo(MessageLimit.perHour(4));
        assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("MCW_MAX_ACTIVE_BOOKINGS", "0")))
                .hasMessageContaining("MCW_MAX_ACTIVE_BOOKINGS");
    }

    @Test
    void theEnvironmentSetsPatienceReceivesAndTokenLifetime() {
        RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("MCW_SWEEP_AFTER_SECONDS", "90",
                "MCW_MAX_RECEIVE_COUNT", "7", "MCW_TOKEN_TTL_SECONDS", "600"));

        assertThat(config.sweepAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.maxReceiveCount()).isEqualTo(7);
        assertThat(config.intake().tokenTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesAPatienceWithinTheVisibilityTimeoutAndReceivesOutOfRange() {
        String visibility = Long.toString(FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().local().toSeconds());
        assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("MCW_SWEEP_AFTER_SECONDS", visibility)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visibility timeout (" + visibility + " s)");
        assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("MCW_SWEEP_AFTER_SECONDS", "a minute")))
                .hasMessageContaining("MCW_SWEEP_AFTER_SECONDS");
        assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("MCW_MAX_RECEIVE_COUNT", "0")))
                .hasMessageContaining("MCW_MAX_RECEIVE_COUNT");
    }

    @Test
    void theFunctionsAndTheirMappingsAreTheSpecsLocalOnes() {
        FunctionConfig allocator = FunctionConfig.of(FunctionSpecs.ALLOCATOR.function());
        assertThat(allocator.name()).isEqualTo("allocator");
        assertThat(allocator.timeout()).isEqualTo(FunctionSpecs.ALLOCATOR.function().timeout().local());
        assertThat(allocator.memoryMb()).isEqualTo(FunctionSpecs.ALLOCATOR.function().memoryMb());
        assertThat(MappingConfig.of(FunctionSpecs.ALLOCATOR.queue())).isEqualTo(new MappingConfig(
                FunctionSpecs.ALLOCATOR.queue().batchSize(), FunctionSpecs.ALLOCATOR.queue().batchingWindow(), true)
                .withMaximumConcurrency(FunctionSpecs.ALLOCATOR.queue().maximumConcurrency().local()));
        assertThat(MappingConfig.of(FunctionSpecs.ALLOCATOR.queue()).maximumConcurrency()).as("one poller locally")
                .isOne();
        StreamSource stream = FunctionSpecs.NOTIFIER.stream();
        assertThat(StreamMappingConfig.of(stream)).satisfies(mapping -> {
            assertThat(mapping.batchSize()).isEqualTo(stream.batchSize());
            assertThat(mapping.maximumBatchingWindow()).isEqualTo(stream.batchingWindow());
            assertThat(mapping.maximumRetryAttempts()).isEqualTo(stream.retryAttempts());
            assertThat(mapping.maximumRecordAge()).isEqualTo(stream.maxRecordAge());
            assertThat(mapping.bisectBatchOnFunctionError()).isEqualTo(stream.bisectOnError());
        });
    }

    @Test
    void thePublicAddressIsAnHttpAddressOrNone() {
        assertThat(RuntimeConfig.fromEnvironment(Map.of()).publicUrl()).isEmpty();
        assertThat(RuntimeConfig.fromEnvironment(Map.of("MCW_PUBLIC_URL", " https://booking.example.org ")).publicUrl())
                .contains(java.net.URI.create("https://booking.example.org"));
        for (String bad : new String[] {"booking.example.org", "ftp://example.org", "https://example.org/?x=1",
                "https://example.org/#admin", "http:// spaces"}) {
            assertThatThrownBy(() -> RuntimeConfig.fromEnvironment(Map.of("MCW_PUBLIC_URL", bad)))
                    .as(bad).hasMessageContaining("MCW_PUBLIC_URL");
        }
    }
}
