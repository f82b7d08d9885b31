package com.medicarewizard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.outbox.Outbox;
import com.medicarewizard.adapter.embedded.outbox.OutboxNotifications;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableRecipientQuota;
import com.medicarewizard.adapter.table.TableReminderSchedule;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderCases;
import com.medicarewizard.domain.reminder.ReminderKind;
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
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalFunction;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded runtime's reminder scheduler on fixed clocks: the notifier schedules a confirmed
 * reservation's reminders in the table, {@link ReminderTimer} fires each at its instant through the
 * reminder function, and the outbox gets each reminder once — across Rome's and New York's
 * daylight-saving changes, and never for a cancelled or moved reservation.
 */
class ReminderTimerTest {
    private static final Center CENTER = ReminderCases.center();
    private static final NotifierSettings SETTINGS = new NotifierSettings(1, Duration.ofMillis(1),
            Duration.ofSeconds(1), Duration.ofSeconds(30));

    @TempDir
    Path directory;
    private EmbeddedTable table;
    private MutableClock clock;
    private Ports ports;

    /** Everything a runtime start builds, over the table in {@link #directory}. */
    private record Ports(TableReminderSchedule schedule, TableReservations reservations, TablePatients patients,
                         OutboxNotifications outbox, OutcomeNotifier notifier, ReminderTimer timer,
                         LocalFunction<Map<String, String>, String> function) implements AutoCloseable {
        @Override
        public void close() {
            function.close();
        }
    }

    private Ports open(MutableClock at) {
        table = EmbeddedTables.open(directory.resolve("table"));
        clock = at;
        var schedule = new TableReminderSchedule(table);
        var reservations = new TableReservations(table);
        var patients = new TablePatients(table);
        var outbox = new OutboxNotifications(new Outbox(directory.resolve("outbox")), Optional.empty(), clock);
        var ledger = new TableNotificationLedger(table);
        var quota = new TableRecipientQuota(table);
        var notifier = new OutcomeNotifier(patients, () -> CENTER, outbox, event -> { }, ledger, quota, SETTINGS,
                clock).withReminders(schedule);
        var reminders = new ReminderNotifier(reservations, patients, () -> CENTER, outbox, ledger, quota, SETTINGS,
                clock);
        var function = new LocalFunction<>(FunctionConfig.of(FunctionSpecs.REMINDER.function()),
                new ReminderHandler(reminders));
        ports = new Ports(schedule, reservations, patients, outbox, notifier, new ReminderTimer(schedule, function,
                clock), function);
        return ports;
    }

    @AfterEach
    void close() throws IOException {
        ports.close();
        table.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.medicarewizard.domain.reminder.ReminderCases#all")
    void sendsEachReminderOnceAtItsInstant(ReminderCases trip) {
        Ports p = open(new MutableClock(trip.start().minus(Duration.ofDays(5))));
        Patient patient = registered(p, "en", true);
        Reservation booked = confirmed(p, patient.id(), trip);

        assertThat(p.schedule().due(trip.start(), 10)).extracting(Reminder::dueAt)
                .containsExactly(trip.due48(), trip.due2());
        clock.advanceTo(trip.due48().minusSeconds(1));
        assertThat(p.timer().fireDue()).isZero();
        assertThat(reminders(p)).isEmpty();

        clock.advanceTo(trip.due48());
        assertThat(p.timer().fireDue()).isEqualTo(1);
        assertThat(reminders(p)).extracting(m -> m.get("channel").asText()).containsExactly("EMAIL", "SMS");
        assertThat(reminders(p).getFirst().get("text").asText())
                .contains(String.format("%02d:%02d", trip.localStart().getHour(), trip.localStart().getMinute()))
                .contains(trip.offsetInText()).contains("Remove metal objects.");
        assertThat(p.timer().fireDue()).isZero();
        // a duplicate firing, as after a crash between the invocation and the schedule's delete
        p.function().invoke(new Reminder(booked.id(), ReminderKind.BEFORE_48_HOURS, trip.start()).fields());
        assertThat(reminders(p)).hasSize(2);

        clock.advanceTo(trip.due2().minusSeconds(1));
        assertThat(p.timer().fireDue()).isZero();
        clock.advanceTo(trip.due2());
        assertThat(p.timer().fireDue()).isEqualTo(1);
        assertThat(reminders(p)).hasSize(4);
        assertThat(p.schedule().due(trip.start().plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void aPatientWhoDoesNotWantTheTwoHourReminderGetsOnlyTheFirst() {
        ReminderCases trip = ReminderCases.all().getFirst();
        Ports p = open(new MutableClock(trip.start().minus(Duration.ofDays(5))));
        confirmed(p, registered(p, "it", false).id(), trip);
        clock.advanceTo(trip.due48());
        assertThat(p.timer().fireDue()).isEqualTo(1);
        clock.advanceTo(trip.due2());
        assertThat(p.timer().fireDue()).isEqualTo(1);
        assertThat(reminders(p)).extracting(m -> m.get("channel").asText()).containsExactly("EMAIL", "SMS");
        assertThat(reminders(p).getFirst().get("subject").asText())
                .startsWith("Promemoria: Risonanza magnetica del ginocchio").contains("29 marzo 2027").contains("09:00");
    }

    @Test
    void aCancelledReservationIsNeverReminded() {
        ReminderCases trip = ReminderCases.all().get(1);
        Ports p = open(new MutableClock(trip.start().minus(Duration.ofDays(5))));
        Reservation booked = confirmed(p, registered(p, "en", true).id(), trip);
        Reservation cancelled = p.reservations().update(booked.requestCancellation(clock.instant()));
        cancelled = p.reservations().update(cancelled.cancel(clock.instant()));
        p.notifier().notify(new OutcomeChange(cancelled, ReservationStatus.CANCELLED));
        assertThat(p.schedule().due(trip.start(), 10)).isEmpty();

        // a schedule left behind (its delete lost) fires, and finds the reservation cancelled
        Reminder.of(booked).forEach(p.schedule()::schedule);
        clock.advanceTo(trip.due2());
        assertThat(p.timer().fireDue()).isEqualTo(2);
        assertThat(reminders(p)).isEmpty();
        assertThat(p.schedule().due(trip.start(), 10)).isEmpty();
    }

    @Test
    void aBookingMadeLessThan48HoursAheadGetsOnlyTheTwoHourReminder() {
        ReminderCases trip = ReminderCases.all().getFirst();
        Ports p = open(new MutableClock(trip.due48().plus(Duration.ofHours(1))));
        confirmed(p, registered(p, "en", true).id(), trip);
        assertThat(p.schedule().due(trip.start(), 10)).extracting(Reminder::kind)
                .containsExactly(ReminderKind.BEFORE_2_HOURS);
    }

    @Test
    void remindersDueWhileTheRuntimeWasDownFireAfterARestartIfStillOfUse() throws IOException {
        ReminderCases trip = ReminderCases.all().getFirst();
        Ports p = open(new MutableClock(trip.start().minus(Duration.ofDays(5))));
        confirmed(p, registered(p, "en", true).id(), trip);
        close();

        // down from before the 48-hour reminder until 30 minutes before the 2-hour one
        Ports again = open(new MutableClock(trip.due2().minus(Duration.ofMinutes(30))));
        assertThat(again.schedule().due(trip.start(), 10)).hasSize(2);
        clock.advanceTo(trip.due2().plus(Duration.ofMinutes(30)));
        assertThat(again.timer().fireDue()).isEqualTo(2);
        // the 48-hour one is past its use (less than 24 h were left): only the 2-hour one is sent
        assertThat(reminders(again)).extracting(m -> m.get("text").asText())
                .allSatisfy(text -> assertThat(text).doesNotContain("Remove metal objects."))
                .hasSize(2);
    }

    private Patient registered(Ports p, String language, boolean twoHours) {
        Patient patient = PatientMother.patient(PatientId.random(), "maria.rossi@example.org", language);
        p.patients().register(patient);
        p.patients().setRemindTwoHoursBefore(patient.id(), twoHours);
        return patient;
    }

    private Reservation confirmed(Ports p, PatientId patient, ReminderCases trip) {
        Reservation pending = Reservation.request(ReservationId.random(), patient, CenterMother.MRI, trip.site(),
                trip.start(), trip.start().plus(Duration.ofMinutes(30)), clock.instant(), "corr-1");
        p.reservations().create(pending, Optional.empty());
        Reservation confirmed = p.reservations().update(pending.decide(new Decision.Confirmed(
                List.of(new ResourceId("MRI-1"), new ResourceId("RAD-1"))), clock.instant()));
        p.notifier().notify(new OutcomeChange(confirmed, ReservationStatus.CONFIRMED));
        return confirmed;
    }

    /** The outbox's reminders (the confirmations are there too). */
    private static List<JsonNode> reminders(Ports p) {
        return p.outbox().entries().stream().filter(m -> (m.path("subject").asText() + " " + m.get("text").asText())
                .matches("(?is).*(reminder|promemoria|two hours|due ore).*")).toList();
    }
}
