package com.medicarewizard.adapter.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.port.ReminderSchedule;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.Target;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link ReminderSchedule} on EventBridge Scheduler: a one-time schedule per reminder, in the stack's
 * schedule group, named {@code <reservation id>-48h} / {@code -2h} (so creating it again, after a stream
 * redelivery, meets a {@code ConflictException} and changes nothing, and deleting needs no lookup). Its
 * expression is {@code at(yyyy-mm-ddThh:mm:ss)} of the instant the reminder is due, in UTC
 * ({@code ScheduleExpressionTimezone=UTC}): the reminder is due a number of elapsed hours before the start,
 * so no zone's daylight-saving rules enter the schedule. No flexible window; {@code ActionAfterCompletion
 * DELETE} removes it once fired; its target is the reminder function, invoked by the role Scheduler assumes,
 * with the reminder's ids and times as input (never personal data) and a bounded retry policy.
 */
public final class EventBridgeReminderSchedule implements ReminderSchedule {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private final SchedulerClient client;
    private final Settings settings;

    /**
     * Where the schedules go and what they invoke.
     *
     * @param group         the schedule group
     * @param functionArn   the reminder function
     * @param roleArn       the role Scheduler assumes to invoke it
     * @param retryAttempts Scheduler's further attempts after a failed invocation
     * @param maxEventAge   how long it keeps trying one firing
     */
    public record Settings(String group, String functionArn, String roleArn, int retryAttempts, Duration maxEventAge) {
        public Settings {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(functionArn, "function ARN");
            Objects.requireNonNull(roleArn, "role ARN");
            Objects.requireNonNull(maxEventAge, "max event age");
        }
    }

    public EventBridgeReminderSchedule(SchedulerClient client, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void schedule(Reminder reminder) {
        try {
            client.createSchedule(b -> b.name(reminder.name()).groupName(settings.group())
                    .scheduleExpression(at(reminder.dueAt())).scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build())
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .clientToken(reminder.name())
                    .target(Target.builder().arn(settings.functionArn()).roleArn(settings.roleArn())
                            .input(input(reminder))
                            .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(settings.retryAttempts())
                                    .maximumEventAgeInSeconds((int) settings.maxEventAge().toSeconds()).build())
                            .build()));
        } catch (ConflictException alreadyScheduled) {
            // created by an earlier delivery of the same confirmation: the name is the reminder's
        }
    }

    @Override
    public void cancel(Reminder reminder) {
        try {
            client.deleteSchedule(b -> b.name(reminder.name()).groupName(settings.group()));
        } catch (ResourceNotFoundException goneOrNeverMade) {
            // fired and deleted after completion, never scheduled (already due at confirmation), or deleted before
        }
    }

    /**
     * Scheduler's one-time expression for {@code due}: whole seconds, rounded up, so that a reminder never
     * fires before it is due.
     */
    public static String at(Instant due) {
        Instant whole = due.truncatedTo(ChronoUnit.SECONDS);
        return "at(" + AT.format(whole.equals(due) ? whole : whole.plusSeconds(1)) + ")";
    }

    private static String input(Reminder reminder) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(reminder.fields()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
