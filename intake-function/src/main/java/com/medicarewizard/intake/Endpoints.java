package com.medicarewizard.intake;

import com.medicarewizard.domain.patient.PasswordPolicy;
import com.medicarewizard.intake.auth.CompletePasswordReset;
import com.medicarewizard.intake.auth.FailedLogInFloor;
import com.medicarewizard.intake.auth.IssueToken;
import com.medicarewizard.intake.auth.LoginThrottle;
import com.medicarewizard.intake.auth.Logout;
import com.medicarewizard.intake.auth.RequestPasswordReset;
import com.medicarewizard.intake.catalog.ListExamTypes;
import com.medicarewizard.intake.catalog.ListSites;
import com.medicarewizard.intake.catalog.QueryAvailability;
import com.medicarewizard.intake.http.Endpoint;
import com.medicarewizard.intake.http.Endpoint.ForOperator;
import com.medicarewizard.intake.http.Endpoint.ForPatient;
import com.medicarewizard.intake.http.Endpoint.Open;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.ops.DeadLetterRoutes;
import com.medicarewizard.intake.ops.OutboxRoute;
import com.medicarewizard.intake.ops.ParkedNotificationRoutes;
import com.medicarewizard.intake.ops.PipelineGauges;
import com.medicarewizard.intake.ops.PipelineStatus;
import com.medicarewizard.intake.patient.CommonPasswords;
import com.medicarewizard.intake.patient.OwnProfile;
import com.medicarewizard.intake.patient.RegisterPatient;
import com.medicarewizard.intake.reservation.CancelReservation;
import com.medicarewizard.intake.reservation.MoveReservation;
import com.medicarewizard.intake.reservation.MoveTimes;
import com.medicarewizard.intake.reservation.ReadReservations;
import com.medicarewizard.intake.reservation.ReservationCalendar;
import com.medicarewizard.intake.reservation.RequestReservation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The intake's use cases, each built once per container with exactly the ports it uses and bound
 * to the {@code operationId} of the operation it serves. Whoever runs the intake hands the ports
 * over in one {@link Intake}; this is the only place that unpacks it for the routes.
 */
final class Endpoints {
    /** An operator route whose ports this runtime lacks: after the operator check, as if it did not exist. */
    private static final ForOperator MISSING = new ForOperator(request -> {
        throw Problems.notFound().raise();
    });

    /** The password reset routes where this runtime has no store or mail for them: as if they did not exist. */
    private static final Open NO_RESETS = new Open(request -> {
        throw Problems.notFound().raise();
    });

    private Endpoints() {
    }

    static Map<String, Endpoint> of(Intake intake) {
        Map<String, Endpoint> all = new HashMap<>();
        all.putAll(catalogue(intake));
        all.putAll(accounts(intake));
        all.putAll(reservations(intake));
        all.putAll(operators(intake));
        return all;
    }

    private static Map<String, Endpoint> catalogue(Intake intake) {
        return Map.of(
                "listExamTypes", new Open(new ListExamTypes(intake.catalog())),
                "listSites", new Open(new ListSites(intake.catalog())),
                "getAvailability", new Open(new QueryAvailability(intake.catalog(), intake.takenCells(), intake.ledger(),
                        intake.clock(), intake.config().availabilityCache())));
    }

    private static Map<String, Endpoint> accounts(Intake intake) {
        var throttle = new LoginThrottle(intake.rateLimits(), intake.config().limits());
        var policy = new PasswordPolicy(CommonPasswords.load());
        var resets = intake.passwordResets();
        return Map.of(
                "registerPatient", new Open(new RegisterPatient(intake.patients(), intake.passwordHasher(),
                        policy, intake.rateLimits(), intake.config().limits(), intake.clock())),
                "requestPasswordReset", resets.<Endpoint>map(r -> new Open(new RequestPasswordReset(intake.patients(),
                        r.resets(), r.mail(), intake.rateLimits(), intake.config().limits().resets(), intake.clock())))
                        .orElse(NO_RESETS),
                "completePasswordReset", resets.<Endpoint>map(r -> new Open(new CompletePasswordReset(intake.patients(),
                        r.resets(), r.mail(), intake.tokens(), intake.passwordHasher(), policy, intake.rateLimits(),
                        intake.config().limits().resets(), throttle, intake.clock()))).orElse(NO_RESETS),
                "issueToken", new Open(new IssueToken(intake.patients(), intake.tokens(), intake.passwordHasher(),
                        throttle, intake.config().tokenTtl(), intake.clock(),
                        FailedLogInFloor.of(intake.config().failedLogInFloor()))),
                "logout", new ForPatient(new Logout(intake.tokens())),
                "getOwnProfile", new ForPatient(new OwnProfile(intake.patients())));
    }

    private static Map<String, Endpoint> reservations(Intake intake) {
        var reads = new ReadReservations(intake.reservations(), intake.changes(), intake.catalog());
        return Map.of(
                "requestReservation", new ForPatient(new RequestReservation(intake.catalog(), intake.reservations(),
                        intake.queue(), intake.rateLimits(), intake.config().limits().reservationRequests(),
                        intake.config().activeBookings(), intake.clock())),
                "listOwnReservations", new ForPatient(reads.all()),
                "getOwnReservation", new ForPatient(reads.one()),
                "cancelOwnReservation", new ForPatient(new CancelReservation(intake.catalog(), intake.reservations(),
                        intake.queue(), intake.clock())),
                "moveOwnReservation", new ForPatient(new MoveReservation(intake.catalog(), intake.reservations(),
                        intake.queue(), intake.rateLimits(), intake.config().limits().reservationRequests(),
                        intake.clock())),
                "getOwnReservationMoveTimes", new ForPatient(new MoveTimes(new QueryAvailability(intake.catalog(),
                        intake.ledger(), intake.ledger(), intake.clock(), Duration.ZERO), intake.reservations(), intake.clock())),
                "getOwnReservationCalendar", new ForPatient(new ReservationCalendar(intake.catalog(),
                        intake.reservations())));
    }

    private static Map<String, Endpoint> operators(Intake intake) {
        var ops = intake.operations();
        var deadLetters = ops.map(o -> new DeadLetterRoutes(o.deadLetters(), o.failures()));
        var parked = ops.map(o -> new ParkedNotificationRoutes(o.notifications(), intake.clock()));
        return Map.of(
                "getPipelineStatus", new ForOperator(new PipelineStatus(PipelineGauges.of(intake))),
                "listDeadLetters", deadLetters.map(d -> new ForOperator(d.list())).orElse(MISSING),
                "redriveDeadLetters", deadLetters.map(d -> new ForOperator(d.redrive())).orElse(MISSING),
                "listParkedNotifications", parked.map(p -> new ForOperator(p.list())).orElse(MISSING),
                "retryParkedNotification", parked.map(p -> new ForOperator(p.retry())).orElse(MISSING),
                "listOutbox", ops.flatMap(Operations::outbox).map(o -> new ForOperator(new OutboxRoute(o)))
                        .orElse(MISSING));
    }
}
