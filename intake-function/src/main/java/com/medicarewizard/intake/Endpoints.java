package com.medicarewizard.intake;

import com.medicarewizard.domain.patient.PasswordPolicy;
import com.medicarewizard.intake.auth.CompletePasswordReset;
import com.medicarewizard.intake.auth.FailedLogInFloor;
import com.medicarewizard.intake.auth.IssueToken;
import com.medicarewizard.intake.auth.LoginThrottle;
import com.medicarewizard.intake.auth.PasswordCheck;
import com.medicarewizard.intake.auth.Logout;
import com.medicarewizard.intake.auth.PasswordConfirmation;
import com.medicarewizard.intake.auth.RequestPasswordReset;
import com.medicarewizard.intake.admin.CenterAdministration;
import com.medicarewizard.intake.catalog.ListExamTypes;
import com.medicarewizard.intake.desk.DaySchedule;
import com.medicarewizard.intake.desk.DeskPatients;
import com.medicarewizard.intake.desk.DeskReservations;
import com.medicarewizard.intake.desk.MarkAttendance;
import com.medicarewizard.intake.catalog.ListSites;
import com.medicarewizard.intake.catalog.QueryAvailability;
import com.medicarewizard.intake.http.Endpoint;
import com.medicarewizard.intake.http.Endpoint.ForOperator;
import com.medicarewizard.intake.http.Endpoint.ForPatient;
import com.medicarewizard.intake.http.Endpoint.ForStaff;
import com.medicarewizard.intake.http.Endpoint.Open;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.ops.DeadLetterRoutes;
import com.medicarewizard.intake.ops.OutboxRoute;
import com.medicarewizard.intake.ops.ParkedNotificationRoutes;
import com.medicarewizard.intake.ops.PipelineGauges;
import com.medicarewizard.intake.ops.PipelineStatus;
import com.medicarewizard.intake.patient.CommonPasswords;
import com.medicarewizard.intake.personal.AccountErasure;
import com.medicarewizard.intake.personal.EraseAccount;
import com.medicarewizard.intake.personal.ExportPersonalData;
import com.medicarewizard.intake.patient.OwnProfile;
import com.medicarewizard.intake.patient.UpdateOwnProfile;
import com.medicarewizard.intake.patient.RegisterPatient;
import com.medicarewizard.intake.patient.RegisterPatientByStaff;
import com.medicarewizard.intake.reservation.CancelReservation;
import com.medicarewizard.intake.reservation.MoveReservation;
import com.medicarewizard.intake.reservation.MoveTimes;
import com.medicarewizard.intake.reservation.ReadReservations;
import com.medicarewizard.intake.reservation.ReservationCalendar;
import com.medicarewizard.intake.waitlist.AcceptOffer;
import com.medicarewizard.intake.waitlist.JoinWaitlist;
import com.medicarewizard.intake.waitlist.OwnWaitlist;
import com.medicarewizard.intake.reservation.RequestReservation;
import com.medicarewizard.intake.staff.AcceptInvitation;
import com.medicarewizard.intake.staff.AuditRead;
import com.medicarewizard.intake.staff.StaffAdministration;
import com.medicarewizard.intake.staff.StaffLogIn;
import com.medicarewizard.intake.staff.StaffSession;

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

    /** A staff route where this runtime keeps no staff: never reached, since no token is a staff session there. */
    private static final ForStaff NO_STAFF = new ForStaff((request, caller) -> {
        throw Problems.notFound().raise();
    });

    /**
     * An open route whose store or mail this runtime lacks (the password resets', the staff's): as if it
     * did not exist.
     */
    private static final Open NOT_HERE = new Open(request -> {
        throw Problems.notFound().raise();
    });

    /** The personal data routes where this runtime lacks the ports they need: as if they did not exist. */
    private static final ForPatient NO_PERSONAL_DATA = new ForPatient((request, session) -> {
        throw Problems.notFound().raise();
    });

    /** The waitlist's routes where this runtime has no waitlist: as if they did not exist. */
    private static final ForPatient NO_WAITLIST = NO_PERSONAL_DATA;

    private Endpoints() {
    }

    static Map<String, Endpoint> of(Intake intake) {
        Map<String, Endpoint> all = new HashMap<>();
        all.putAll(catalogue(intake));
        all.putAll(accounts(intake));
        all.putAll(reservations(intake));
        all.putAll(personalData(intake));
        all.putAll(waitlist(intake));
        all.putAll(operators(intake));
        all.putAll(staff(intake));
        all.putAll(desk(intake));
        return all;
    }

    /** The front desk's routes: patients found, opened, registered, booked and cancelled for; the day's schedule. */
    private static Map<String, Endpoint> desk(Intake intake) {
        var staff = intake.staff();
        var patients = staff.map(s -> new DeskPatients(intake.patients(), s.audit(), intake.clock()));
        var bookings = staff.map(s -> new DeskReservations(intake.patients(), intake.reservations(), s.desk(),
                intake.catalog(), requestReservation(intake), cancelReservation(intake), reads(intake), intake.clock()));
        return Map.of(
                "findDeskPatients", patients.<Endpoint>map(p -> new ForStaff(p.find())).orElse(NO_STAFF),
                "openDeskPatient", patients.<Endpoint>map(p -> new ForStaff(p.open())).orElse(NO_STAFF),
                "registerDeskPatient", staff.<Endpoint>map(s -> new ForStaff(new RegisterPatientByStaff(intake.patients(),
                        intake.passwordHasher(), s.mail(), s.site(), intake.clock()))).orElse(NO_STAFF),
                "bookForPatient", bookings.<Endpoint>map(b -> new ForStaff(b.book())).orElse(NO_STAFF),
                "cancelForPatient", bookings.<Endpoint>map(b -> new ForStaff(b.cancel())).orElse(NO_STAFF),
                "listPatientReservations", bookings.<Endpoint>map(b -> new ForStaff(b.list())).orElse(NO_STAFF),
                "getPatientReservation", bookings.<Endpoint>map(b -> new ForStaff(b.one())).orElse(NO_STAFF),
                "getDaySchedule", staff.<Endpoint>map(s -> new ForStaff(new DaySchedule(intake.catalog(), intake.ledger(),
                        intake.reservations(), intake.patients(), s.desk()))).orElse(NO_STAFF),
                "markAttendance", staff.<Endpoint>map(s -> new ForStaff(new MarkAttendance(intake.reservations(),
                        s.desk(), intake.catalog(), intake.clock()))).orElse(NO_STAFF));
    }

    private static RequestReservation requestReservation(Intake intake) {
        return new RequestReservation(intake.catalog(), intake.reservations(), intake.queue(), intake.rateLimits(),
                intake.config().limits().reservationRequests(), intake.config().activeBookings(), intake.clock());
    }

    private static CancelReservation cancelReservation(Intake intake) {
        return new CancelReservation(intake.catalog(), intake.reservations(), intake.queue(), intake.clock());
    }

    private static ReadReservations reads(Intake intake) {
        return new ReadReservations(intake.reservations(), intake.changes(), intake.catalog());
    }

    /** The staff routes; where this runtime has no staff store, the open ones answer 404 and the others 403. */
    private static Map<String, Endpoint> staff(Intake intake) {
        var check = new PasswordCheck(intake.passwordHasher(), FailedLogInFloor.of(intake.config().failedLogInFloor()));
        var throttle = LoginThrottle.forStaff(intake.rateLimits(), intake.config().limits());
        var policy = new PasswordPolicy(CommonPasswords.load());
        var staff = intake.staff();
        var session = staff.map(s -> new StaffSession(s.accounts(), s.audit(), intake.clock()));
        var admin = staff.map(s -> new StaffAdministration(s.accounts(), s.mail(), s.site(), intake.clock()));
        var center = staff.map(s -> new CenterAdministration(s.center(), intake.ledger(), intake.reservations(),
                intake.patients(), intake.queue(), intake.clock()));
        Map<String, Endpoint> routes = new HashMap<>();
        routes.put("getCenter", center.<Endpoint>map(c -> new ForStaff(c.read())).orElse(NO_STAFF));
        routes.put("putSite", center.<Endpoint>map(c -> new ForStaff(c.putSite())).orElse(NO_STAFF));
        routes.put("putExamType", center.<Endpoint>map(c -> new ForStaff(c.putExamType())).orElse(NO_STAFF));
        routes.put("putResource", center.<Endpoint>map(c -> new ForStaff(c.putResource())).orElse(NO_STAFF));
        routes.put("deleteResource", center.<Endpoint>map(c -> new ForStaff(c.deleteResource())).orElse(NO_STAFF));
        routes.put("addClosure", center.<Endpoint>map(c -> new ForStaff(c.addClosure())).orElse(NO_STAFF));
        routes.put("deleteClosure", center.<Endpoint>map(c -> new ForStaff(c.deleteClosure())).orElse(NO_STAFF));
        routes.putAll(Map.of(
                "issueStaffToken", staff.<Endpoint>map(s -> new Open(new StaffLogIn(s.accounts(), s.audit(), check,
                        throttle, intake.clock()))).orElse(NOT_HERE),
                "acceptStaffInvitation", staff.<Endpoint>map(s -> new Open(new AcceptInvitation(s.accounts(), check,
                        policy, intake.clock()))).orElse(NOT_HERE),
                "staffLogout", session.<Endpoint>map(s -> new ForStaff(s.logout())).orElse(NO_STAFF),
                "getStaffSelf", session.<Endpoint>map(s -> new ForStaff(s.self())).orElse(NO_STAFF),
                "listStaff", admin.<Endpoint>map(a -> new ForStaff(a.list())).orElse(NO_STAFF),
                "createStaff", admin.<Endpoint>map(a -> new ForStaff(a.create())).orElse(NO_STAFF),
                "changeStaff", admin.<Endpoint>map(a -> new ForStaff(a.change())).orElse(NO_STAFF),
                "inviteStaff", admin.<Endpoint>map(a -> new ForStaff(a.invite())).orElse(NO_STAFF),
                "listAuditEntries", staff.<Endpoint>map(s -> new ForStaff(new AuditRead(s.audit(), intake.clock())))
                        .orElse(NO_STAFF)));
        return routes;
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
                        .orElse(NOT_HERE),
                "completePasswordReset", resets.<Endpoint>map(r -> new Open(new CompletePasswordReset(intake.patients(),
                        r.resets(), r.mail(), intake.tokens(), intake.passwordHasher(), policy, intake.rateLimits(),
                        intake.config().limits().resets(), throttle, intake.clock()))).orElse(NOT_HERE),
                "issueToken", new Open(new IssueToken(intake.patients(), intake.tokens(), intake.passwordHasher(),
                        throttle, intake.config().tokenTtl(), intake.clock(),
                        FailedLogInFloor.of(intake.config().failedLogInFloor()))),
                "logout", new ForPatient(new Logout(intake.tokens())),
                "getOwnProfile", new ForPatient(new OwnProfile(intake.patients())),
                "updateOwnProfile", new ForPatient(new UpdateOwnProfile(intake.patients())));
    }

    /**
     * A patient's export and erasure, each confirmed with the password as a log-in is. An erasure needs the
     * notifier's ledger (it takes the recipients off its parked notifications), which comes with the
     * operator ports, and its count of messages per recipient: a runtime without those answers 404.
     */
    private static Map<String, Endpoint> personalData(Intake intake) {
        var password = new PasswordConfirmation(intake.passwordHasher(),
                new LoginThrottle(intake.rateLimits(), intake.config().limits()),
                FailedLogInFloor.of(intake.config().failedLogInFloor()), intake.clock());
        var kept = intake.operations().flatMap(Operations::outbox);
        if (intake.operations().isEmpty() || intake.recipientQuota().isEmpty()) {
            return Map.of("exportOwnData", NO_PERSONAL_DATA, "eraseOwnAccount", NO_PERSONAL_DATA);
        }
        var erasure = new AccountErasure(intake.patients(), intake.reservations(), intake.queue(), intake.tokens(),
                intake.operations().get().notifications(), intake.recipientQuota().get(), kept, intake.waitlist());
        return Map.of(
                "exportOwnData", new ForPatient(new ExportPersonalData(intake.patients(), intake.reservations(),
                        intake.tokens(), kept, intake.catalog(), password, intake.clock(), intake.waitlist())),
                "eraseOwnAccount", new ForPatient(new EraseAccount(intake.patients(), password, erasure,
                        intake.clock())));
    }

    private static Map<String, Endpoint> reservations(Intake intake) {
        var reads = reads(intake);
        return Map.of(
                "requestReservation", new ForPatient(requestReservation(intake)),
                "listOwnReservations", new ForPatient(reads.all()),
                "getOwnReservation", new ForPatient(reads.one()),
                "cancelOwnReservation", new ForPatient(cancelReservation(intake)),
                "moveOwnReservation", new ForPatient(new MoveReservation(intake.catalog(), intake.reservations(),
                        intake.queue(), intake.rateLimits(), intake.config().limits().reservationRequests(),
                        intake.clock())),
                "getOwnReservationMoveTimes", new ForPatient(new MoveTimes(new QueryAvailability(intake.catalog(),
                        intake.ledger(), intake.ledger(), intake.clock(), Duration.ZERO), intake.reservations(), intake.clock())),
                "getOwnReservationCalendar", new ForPatient(new ReservationCalendar(intake.catalog(),
                        intake.reservations())),
                "acceptOffer", new ForPatient(new AcceptOffer(intake.catalog(), intake.reservations(), intake.queue(),
                        intake.clock())));
    }

    /** The waitlist's routes; a runtime without a waitlist answers 404. */
    private static Map<String, Endpoint> waitlist(Intake intake) {
        if (intake.waitlist().isEmpty()) {
            return Map.of("joinWaitlist", NO_WAITLIST, "listOwnWaitlist", NO_WAITLIST, "leaveWaitlist", NO_WAITLIST);
        }
        var own = new OwnWaitlist(intake.waitlist().get());
        return Map.of(
                "joinWaitlist", new ForPatient(new JoinWaitlist(intake.catalog(), intake.waitlist().get(), intake.clock())),
                "listOwnWaitlist", new ForPatient(own),
                "leaveWaitlist", new ForPatient(own.leave()));
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
