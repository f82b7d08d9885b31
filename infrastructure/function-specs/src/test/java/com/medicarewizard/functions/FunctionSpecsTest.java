package com.medicarewizard.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The rules the settings must keep between them, checked on the spec itself, in both runtimes. */
class FunctionSpecsTest {

    private static final List<Function<PerRuntime<Duration>, Duration>> RUNTIMES =
            List.of(PerRuntime::aws, PerRuntime::local);

    @Test
    void theQueueHidesAMessageAtLeastSixTimesTheAllocatorsTimeout() {
        var timeout = FunctionSpecs.ALLOCATOR.function().timeout();
        var visibility = FunctionSpecs.ALLOCATOR.queue().visibilityTimeout();
        RUNTIMES.forEach(runtime -> assertThat(runtime.apply(visibility))
                .isGreaterThanOrEqualTo(runtime.apply(timeout).multipliedBy(6)));
    }

    @Test
    void theSweeperWaitsLongerThanTheQueueHidesAMessageSoItNeverResendsOneInFlight() {
        var visibility = FunctionSpecs.ALLOCATOR.queue().visibilityTimeout();
        var patience = FunctionSpecs.SWEEPER.patience();
        RUNTIMES.forEach(runtime -> assertThat(runtime.apply(patience)).isGreaterThan(runtime.apply(visibility)));
    }

    @Test
    void aPatienceGivenInTheEnvironmentIsRefusedWithinTheVisibilityTimeout() {
        Duration visibility = Duration.ofSeconds(30);
        assertThat(SweeperSpec.checkedPatience(Duration.ofSeconds(31), visibility)).hasSeconds(31);
        assertThatThrownBy(() -> SweeperSpec.checkedPatience(visibility, visibility))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MCW_SWEEP_AFTER_SECONDS")
                .hasMessageContaining("30 s");
    }

    @Test
    void theAbuseLimitsAreOverriddenByTheirVariablesAndRefuseNonsense() {
        assertThat(FunctionSpecs.LIMITS.overriddenBy(Map.of())).isEqualTo(FunctionSpecs.LIMITS);
        assertThat(FunctionSpecs.LIMITS.overriddenBy(Map.of(AbuseLimits.ACTIVE_BOOKINGS, " 3 ",
                AbuseLimits.MESSAGES_PER_HOUR, ""))).isEqualTo(new AbuseLimits(3, 10));
        assertThatThrownBy(() -> FunctionSpecs.LIMITS.overriddenBy(Map.of(AbuseLimits.MESSAGES_PER_HOUR, "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AbuseLimits.MESSAGES_PER_HOUR);
        assertThatThrownBy(() -> FunctionSpecs.LIMITS.overriddenBy(Map.of(AbuseLimits.ACTIVE_BOOKINGS, "ten")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AbuseLimits.ACTIVE_BOOKINGS);
    }

    @Test
    void aScheduledFunctionEndsBeforeItsNextRunInAws() {
        Map<FunctionSpec, Duration> periods = Map.of(
                FunctionSpecs.SWEEPER.function(), FunctionSpecs.SWEEPER.every().aws(),
                FunctionSpecs.PARKED_RETRY.function(), FunctionSpecs.PARKED_RETRY.every().aws(),
                FunctionSpecs.PIPELINE_METRICS.function(), FunctionSpecs.PIPELINE_METRICS.every());
        periods.forEach((function, period) -> {
            assertThat(function.timeout().aws()).as(function.name()).isLessThanOrEqualTo(period);
            assertThat(period.toSeconds() % 60).as("EventBridge rates are whole minutes").isZero();
        });
    }

    /**
     * The stack deploys on an account whose concurrency quota is 10 (Lambda keeps 10 unreserved, so
     * nothing can be reserved there); the allocator's queue mapping is capped instead, at the least
     * Lambda takes, and locally one poller (docs/adr/0008).
     */
    @Test
    void noFunctionReservesConcurrencyAndTheAllocatorsMappingIsCappedAtItsLeast() {
        assertThat(FunctionSpecs.all()).allSatisfy(f -> assertThat(f.reservedConcurrency()).as(f.name()).isEmpty());
        assertThat(FunctionSpecs.ALLOCATOR.queue().maximumConcurrency())
                .isEqualTo(new PerRuntime<>(QueueSource.LEAST_AWS_CONCURRENCY, 1));
    }

    @Test
    void aMappingConcurrencyLambdaWouldRefuseIsRefusedHere() {
        PerRuntime<Duration> visibility = PerRuntime.both(Duration.ofMinutes(3));
        assertThatThrownBy(() -> new QueueSource(10, Duration.ZERO, true, visibility, 5, PerRuntime.both(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2..1000");
        assertThatThrownBy(() -> new QueueSource(10, Duration.ZERO, true, visibility, 5, new PerRuntime<>(2, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poller");
    }

    @Test
    void everyAlarmHasItsOwnNameAndSaysWhenItFires() {
        assertThat(Alarms.ALL).extracting(AlarmSpec::name).doesNotHaveDuplicates();
        assertThat(Alarms.ALL).extracting(AlarmSpec::condition).contains("> 500 for 5 min", "≥ 1 for 1 min",
                "> 60000 ms for 5 min");
        assertThat(Alarms.ALL).filteredOn(a -> a.source() == AlarmSpec.Source.PIPELINE)
                .as("figures written every minute: a missing one means their writer stopped")
                .isNotEmpty().allSatisfy(a -> assertThat(a.missingData()).isEqualTo(AlarmSpec.MissingData.BREACHING));
    }

    @Test
    void aRecordGivenUpOnIsStillInTheStreamForAnOperatorToRead() {
        assertThat(FunctionSpecs.NOTIFIER.stream().maxRecordAge()).isLessThan(Duration.ofHours(24));
    }

    @Test
    void everyFunctionHasItsOwnNameAndEntry() {
        assertThat(FunctionSpecs.all()).extracting(FunctionSpec::name).doesNotHaveDuplicates();
        assertThat(FunctionSpecs.all()).extracting(FunctionSpec::handler).doesNotHaveDuplicates();
    }

    /** A new difference between the runtimes must be explained beside it in FunctionSpecs, then listed here. */
    @Test
    void onlyTheExplainedSettingsDifferBetweenAwsAndTheEmbeddedRuntime() {
        assertThat(SpecText.quotable().entrySet().stream().filter(setting -> setting.getValue().differs())
                .map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("allocator timeout", "notifier timeout", "allocator decisions at once",
                        "allocator maximum concurrency",
                        "queue visibility timeout", "sweeper period",
                        "sweeper patience", "parked-retry period", "pipeline-metrics period",
                        "availability-projector batch size", "availability-projector retries",
                        "availability-projector max record age", "availability-projector parallelization",
                        "reminder retries", "reminder max event age", "reminder schedule poll");
    }

    @Test
    void aReminderIsRetriedWithinTheHourAndTheLocalScheduleIsReadWithinSeconds() {
        assertThat(FunctionSpecs.REMINDER.maxEventAge()).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(FunctionSpecs.REMINDER.localPollEvery()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(FunctionSpecs.REMINDER.function().artifact()).isEqualTo("notifier");
    }

    @Test
    void aClaimGivenUpOnByTheProjectorIsStillInTheStreamForAnOperatorToRead() {
        assertThat(FunctionSpecs.AVAILABILITY_PROJECTOR.stream().maxRecordAge()).isLessThan(Duration.ofHours(24));
    }
}
