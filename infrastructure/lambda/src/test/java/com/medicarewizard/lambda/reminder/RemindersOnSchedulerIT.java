package com.medicarewizard.lambda.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.adapter.local.SchedulerStandIn;
import com.medicarewizard.adapter.scheduler.EventBridgeReminderSchedule;
import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reminder.ReminderCases;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.notifier.NotifierSettings;
import com.medicarewizard.notifier.OutcomeChange;
import com.medicarewizard.notifier.OutcomeNotifier;
import com.medicarewizard.notifier.ReminderHandler;
import com.medicarewizard.notifier.ReminderNotifier;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.fakes.InMemoryNotificationLedger;
import com.medicarewizard.port.fakes.InMemoryPatients;
import com.medicarewizard.port.fakes.InMemoryRecipientQuota;
import com.medicarewizard.port.fakes.InMemoryReservations;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The AWS way of reminding, on fixed clocks across Rome's and New York's daylight-saving changes: the
 * notifier creates EventBridge Scheduler one-time schedules through the SDK (here against a local
 * stand-in of Scheduler's REST API) at the instants the reminders are due, and the stand-in, at each
 * schedule's {@code at()} time, invokes the reminder function's handler with the schedule's input as
 * Lambda hands it over; each reminder goes out once, none for a cancelled reservation.
 */
class RemindersOnSchedulerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Center CENTER = ReminderCases.center();
    private static final String GROUP = "medicarewizard-it-reminders";
    private static final NotifierSettings SETTINGS = new NotifierSettings(1, Duration.ofMillis(1),
            Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final SchedulerStandIn scheduler = new SchedulerStandIn();
    private final SchedulerClient client = scheduler.client();
    private final InMemoryReservations reservations = new InMemoryReservations();
    private final InMemoryPatients patients = new InMemoryPatients();
    /** What the reminder function sent. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    /** What the notifier sent (the outcomes). */
    private final List<String> told = new CopyOnWriteArrayList<>();
    private MutableClock clock;
    private OutcomeNotifier notifier;
    private ReminderHandler function;

    private void at(Instant start) {
        clock = new MutableClock(start);
        Notifications outbox = recordedIn(sent);
        var ledger = new InMemoryNotificationLedger();
        var quota = new InMemoryRecipientQuota();
        var schedule = new EventBridgeReminderSchedule(client, new EventBridgeReminderSchedule.Settings(GROUP,
                "arn:aws:lambda:eu-south-1:000000000000:function:reminder:live",
                "arn:aws:iam::000000000000:role/reminder-scheduler", FunctionSpecs.REMINDER.retryAttempts(),
                FunctionSpecs.REMINDER.maxEventAge()));
        notifier = new OutcomeNotifier(patients, () -> CENTER, recordedIn(told), event -> { }, ledger, quota, SETTINGS,
                clock)
                .withReminders(schedule);
        function = new ReminderHandler(new ReminderNotifier(reservations, patients, () -> CENTER, outbox, ledger, quota,
                SETTINGS, clock));
    }

    private static Notifications recordedIn(List<String> messages) {
        return new Notifications() {
            @Override
            public void send(Email email) {
                messages.add("EMAIL " + email.subject() + "\n" + email.text());
            }

            @Override
            public void send(Sms sms) {
                messages.add("SMS " + sms.text());
            }
        };
    }

    @AfterEach
    void close() {
        client.close();
        scheduler.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.medicarewizard.domain.reminder.ReminderCases#all")
    void eachReminderIsScheduledAtItsInstantAndSentOnceWhenScheduleFires(ReminderCases trip) {
        at(trip.start().minus(Duration.ofDays(4)));
        Reservation booked = confirmed(registered(true), trip);

        assertThat(scheduler.schedules(GROUP)).hasSize(2);
        assertThat(SchedulerStandIn.instantOf(scheduler.schedules(GROUP).get(booked.id().value() + "-48h")))
                .isEqualTo(trip.due48());
        assertThat(SchedulerStandIn.instantOf(scheduler.schedules(GROUP).get(booked.id().value() + "-2h")))
                .isEqualTo(trip.due2());

        String dayInput = scheduler.schedules(GROUP).get(booked.id().value() + "-48h").path("Target").path("Input")
                .asText();
        clock.advanceTo(trip.due48().minusSeconds(1));
        assertThat(fireDue()).isZero();
        clock.advanceTo(trip.due48());
        assertThat(fireDue()).isEqualTo(1);
        assertThat(sent).hasSize(2).allSatisfy(m -> assertThat(m).contains(trip.offsetInText()));
        assertThat(sent.getFirst()).contains("Reminder:").contains("Remove metal objects.")
                .contains(String.format("%02d:%02d", trip.localStart().getHour(), trip.localStart().getMinute()));
        // Scheduler invokes at least once: a second invocation with the same input sends nothing more
        assertThat(invoke(dayInput)).isEqualTo("DONE");
        assertThat(sent).hasSize(2);
        // the stream delivers the confirmation again: the 48-hour reminder is due, so not scheduled anew
        notifier.notify(new OutcomeChange(booked, ReservationStatus.CONFIRMED));
        assertThat(scheduler.schedules(GROUP)).containsOnlyKeys(booked.id().value() + "-2h");

        clock.advanceTo(trip.due2());
        assertThat(fireDue()).isEqualTo(1);
        assertThat(sent).hasSize(4);
        assertThat(sent.get(2)).contains("In two hours");
        assertThat(scheduler.schedules(GROUP)).isEmpty();
    }

    @Test
    void aCancelledReservationsSchedulesAreDeletedAndOneFiringAnywayFindsItCancelled() {
        ReminderCases trip = ReminderCases.all().get(1);
        at(trip.start().minus(Duration.ofDays(4)));
        Reservation booked = confirmed(registered(true), trip);
        Map<String, String> dayInput = input(scheduler.schedules(GROUP).get(booked.id().value() + "-48h")
                .path("Target").path("Input").asText());

        Reservation cancelled = reservations.update(reservations.update(booked.requestCancellation(clock.instant()))
                .cancel(clock.instant()));
        notifier.notify(new OutcomeChange(cancelled, ReservationStatus.CANCELLED));
        assertThat(scheduler.schedules(GROUP)).isEmpty();

        clock.advanceTo(trip.due48());
        assertThat(invoke(JSON.valueToTree(dayInput).toString())).isEqualTo("STALE");
        assertThat(sent).isEmpty();
        assertThat(told).hasSize(4); // confirmed and cancelled, each by e-mail and SMS
    }

    @Test
    void aPatientWithoutTheTwoHourWishGetsOnlyTheFirstAndABookingWithin48HoursOnlyTheSecond() {
        ReminderCases trip = ReminderCases.all().getFirst();
        at(trip.due48().plus(Duration.ofHours(3)));
        Reservation late = confirmed(registered(true), trip);
        assertThat(scheduler.schedules(GROUP)).containsOnlyKeys(late.id().value() + "-2h");

        Reservation early = confirmed(registered(false), new ReminderCases("a week later", trip.site(),
                trip.localStart().plusDays(7), trip.start().plus(Duration.ofDays(7)),
                trip.due48().plus(Duration.ofDays(7)), trip.due2().plus(Duration.ofDays(7)), trip.offsetInText()));
        clock.advanceTo(trip.due2());
        assertThat(fireDue()).isEqualTo(1);
        clock.advanceTo(early.start().minus(Duration.ofHours(48)));
        assertThat(fireDue()).isEqualTo(1);
        clock.advanceTo(early.start().minus(Duration.ofHours(2)));
        assertThat(fireDue()).isEqualTo(1);
        assertThat(sent).hasSize(4).filteredOn(m -> m.contains("two hours")).hasSize(2);
    }

    /** Scheduler at the clock's instant: each due schedule's input handed to the function, as Lambda deserializes it. */
    private int fireDue() {
        return scheduler.fireDue(GROUP, clock.instant(), this::invoke);
    }

    private String invoke(String input) {
        return function.handleRequest(input(input), LocalLambdaContext.startingNow(
                FunctionConfig.of(FunctionSpecs.REMINDER.function().name(),
                        FunctionSpecs.REMINDER.function().timeout().aws(), 1024), Clock.systemUTC()));
    }

    private static Map<String, String> input(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PatientId registered(boolean twoHours) {
        Patient patient = PatientMother.patient(PatientId.random(), "p" + System.nanoTime() + "@example.org", "en");
        patients.register(patient);
        patients.setRemindTwoHoursBefore(patient.id(), twoHours);
        return patient.id();
    }

    private Reservation confirmed(PatientId patient, ReminderCases trip) {
        Reservation pending = Reservation.request(ReservationId.random(), patient, CenterMother.MRI, trip.site(),
                trip.start(), trip.start().plus(Duration.ofMinutes(30)), clock.instant(), "corr-1");
        reservations.create(pending, Optional.empty());
        Reservation confirmed = reservations.update(pending.decide(new Decision.Confirmed(
                List.of(new ResourceId("MRI-1"), new ResourceId("RAD-1"))), clock.instant()));
        notifier.notify(new OutcomeChange(confirmed, ReservationStatus.CONFIRMED));
        return confirmed;
    }
}
