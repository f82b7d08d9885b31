package com.medicarewizard.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.adapter.local.SchedulerStandIn;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderCases;
import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.domain.reservation.ReservationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The schedules the adapter makes, through the SDK, against a local stand-in of Scheduler's REST API. */
class EventBridgeReminderScheduleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "medicarewizard-test-reminders";
    private static final EventBridgeReminderSchedule.Settings SETTINGS = new EventBridgeReminderSchedule.Settings(GROUP,
            "arn:aws:lambda:eu-south-1:123456789012:function:medicarewizard-test-reminder",
            "arn:aws:iam::123456789012:role/medicarewizard-test-scheduler", 10, Duration.ofHours(1));
    private final SchedulerStandIn scheduler = new SchedulerStandIn();
    private final SchedulerClient client = scheduler.client();
    private final EventBridgeReminderSchedule schedule = new EventBridgeReminderSchedule(client, SETTINGS);

    @AfterEach
    void close() {
        client.close();
        scheduler.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.medicarewizard.domain.reminder.ReminderCases#all")
    void aOneTimeScheduleAtTheDueInstantInUtcThatDeletesItself(ReminderCases trip) throws Exception {
        Reminder day = new Reminder(ReservationId.random(), ReminderKind.BEFORE_48_HOURS, trip.start());
        schedule.schedule(day);

        JsonNode made = scheduler.schedules(GROUP).get(day.name());
        assertThat(made.path("ScheduleExpression").asText()).isEqualTo(EventBridgeReminderSchedule.at(trip.due48()));
        assertThat(made.path("ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
        assertThat(SchedulerStandIn.instantOf(made)).isEqualTo(trip.due48());
        assertThat(made.path("ActionAfterCompletion").asText()).isEqualTo("DELETE");
        assertThat(made.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        JsonNode target = made.path("Target");
        assertThat(target.path("Arn").asText()).isEqualTo(SETTINGS.functionArn());
        assertThat(target.path("RoleArn").asText()).isEqualTo(SETTINGS.roleArn());
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isEqualTo(10);
        assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isEqualTo(3600);
        Map<String, String> input = JSON.readValue(target.path("Input").asText(), Map.class);
        assertThat(Reminder.of(input)).isEqualTo(day);
        assertThat(input).containsOnlyKeys("reservationId", "kind", "start");
    }

    @Test
    void schedulingTwiceIsOneScheduleAndCancellingTwiceIsNoError() {
        Reminder hours = new Reminder(ReservationId.random(), ReminderKind.BEFORE_2_HOURS,
                Instant.parse("2027-10-31T03:00:00Z"));
        schedule.schedule(hours);
        schedule.schedule(hours);
        assertThat(scheduler.schedules(GROUP)).containsOnlyKeys(hours.name());
        assertThat(hours.name()).hasSizeLessThanOrEqualTo(64).matches("[0-9A-Za-z_.\\-]+");

        schedule.cancel(hours);
        schedule.cancel(hours);
        assertThat(scheduler.schedules(GROUP)).isEmpty();
        assertThat(scheduler.calls()).containsExactly("POST /schedules/" + hours.name(),
                "POST /schedules/" + hours.name(), "DELETE /schedules/" + hours.name(),
                "DELETE /schedules/" + hours.name());
    }

    @Test
    void aScheduleFiresOnceAtItsInstantAndIsThenGone() {
        Reminder day = new Reminder(ReservationId.random(), ReminderKind.BEFORE_48_HOURS,
                Instant.parse("2027-03-29T07:00:00Z"));
        schedule.schedule(day);
        List<String> invoked = new ArrayList<>();

        assertThat(scheduler.fireDue(GROUP, Instant.parse("2027-03-27T06:59:59Z"), invoked::add)).isZero();
        assertThat(scheduler.fireDue(GROUP, Instant.parse("2027-03-27T07:00:00Z"), invoked::add)).isEqualTo(1);
        assertThat(scheduler.fireDue(GROUP, Instant.parse("2027-03-27T08:00:00Z"), invoked::add)).isZero();
        assertThat(invoked).hasSize(1);
        schedule.cancel(day);
    }

    @Test
    void anInstantWithAFractionOfASecondIsRoundedUpNeverDown() {
        assertThat(EventBridgeReminderSchedule.at(Instant.parse("2027-03-27T07:00:00Z")))
                .isEqualTo("at(2027-03-27T07:00:00)");
        assertThat(EventBridgeReminderSchedule.at(Instant.parse("2027-03-27T07:00:00.001Z")))
                .isEqualTo("at(2027-03-27T07:00:01)");
    }
}
