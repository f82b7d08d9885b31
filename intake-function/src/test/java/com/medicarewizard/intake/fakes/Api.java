package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.ApiHandler;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.intake.Operations;
import com.medicarewizard.intake.StreamPosition;
import com.medicarewizard.intake.auth.BcryptPasswordHasher;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.port.fakes.InMemoryDeskMarks;
import com.medicarewizard.port.fakes.InMemoryMessageFailures;
import com.medicarewizard.port.fakes.InMemoryNotificationLedger;
import com.medicarewizard.port.fakes.InMemoryPasswordResets;
import com.medicarewizard.port.fakes.InMemoryPatients;
import com.medicarewizard.port.fakes.InMemoryStaffAccounts;
import com.medicarewizard.port.fakes.InMemoryCenterVersions;
import com.medicarewizard.port.StaffAccounts;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.intake.auth.Digests;
import java.net.URI;
import java.util.Map;
import com.medicarewizard.port.fakes.InMemoryRateLimits;
import com.medicarewizard.port.fakes.InMemoryRecipientQuota;
import com.medicarewizard.port.fakes.InMemoryReservationQueue;
import com.medicarewizard.port.fakes.InMemoryReservations;
import com.medicarewizard.port.fakes.InMemorySlotLedger;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The intake handler over in-memory fakes of every port (the operations ports included), with the
 * test center and a clock set to {@link TestCenter#NOW}; bcrypt at its cheapest cost so tests stay quick.
 */
public final class Api {
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger PATIENTS = new AtomicInteger();
    public final InMemoryReservations reservations = new InMemoryReservations();
    public final InMemorySlotLedger ledger = new InMemorySlotLedger();
    public final InMemoryStaffAccounts staff = new InMemoryStaffAccounts();
    public final InMemoryPatients patients = new InMemoryPatients(staff);
    public final InMemoryDeskMarks desk = new InMemoryDeskMarks(staff);
    public final FakeTokens tokens = new FakeTokens();
    public final InMemoryRateLimits limits = new InMemoryRateLimits();
    public final InMemoryReservationQueue queue = new InMemoryReservationQueue();
    public final MutableClock clock = new MutableClock(TestCenter.NOW);
    public final FakeDeadLetters deadLetters = new FakeDeadLetters();
    public final InMemoryMessageFailures failures = new InMemoryMessageFailures();
    public final InMemoryNotificationLedger notifications = new InMemoryNotificationLedger();
    public final FakeOutbox outbox = new FakeOutbox();
    public final InMemoryPasswordResets resets = new InMemoryPasswordResets(patients);
    public final RecordingMail mail = new RecordingMail();
    public final InMemoryRecipientQuota quota = new InMemoryRecipientQuota();
    public final com.medicarewizard.port.fakes.InMemoryWaitlist waitlist = new com.medicarewizard.port.fakes.InMemoryWaitlist();
    public final RecordedMetrics metrics = new RecordedMetrics();
    /** The center in its versions, version 1 the test center; the catalog the routes read is {@code center}. */
    public final InMemoryCenterVersions centerVersions = new InMemoryCenterVersions(staff);
    public static final URI SITE = URI.create("https://booking.example.org");
    public final Center center = TestCenter.center();
    /** The notifier's lag the runtime reports; null: not known. */
    public volatile Double streamLag = 0.0;
    public final Intake intake;
    private final ApiHandler handler;

    public Api() {
        this(IntakeConfig.defaults());
    }

    public Api(IntakeConfig config) {
        this(config, new BcryptPasswordHasher(4));
    }

    public Api(IntakeConfig config, PasswordHasher hasher) {
        centerVersions.seed(center, clock.instant());
        StreamPosition lag = () -> streamLag == null ? OptionalDouble.empty() : OptionalDouble.of(streamLag);
        // no floor under failed log-ins: tests make hundreds (FailedLogInFloorTest holds the floor)
        intake = new Intake(() -> centerVersions.current().orElseThrow().center(), ledger, reservations, queue,
                patients, tokens, limits, lag,
                hasher, config.withFailedLogInFloor(Duration.ZERO), clock)
                .withOperations(new Operations(deadLetters, failures, notifications, Optional.of(outbox), metrics))
                .withChanges(reservations).withPasswordResets(resets, mail).withRecipientQuota(quota)
                .withStaff(new Intake.StaffPorts(staff, staff, mail, SITE, centerVersions, desk))
                .withWaitlist(waitlist);
        handler = new ApiHandler(intake);
    }

    public Reply send(Req request) {
        return send(request, new TestContext());
    }

    /** Sends within an invocation of {@code context} (e.g. one with little time left). */
    public Reply send(Req request, TestContext context) {
        return Reply.of(handler.handleRequest(request.event(), context));
    }

    public ApiHandler handler() {
        return handler;
    }

    /** Registers a new patient with a fresh e-mail address and answers that address. */
    public String registerPatient() {
        String email = "patient" + PATIENTS.incrementAndGet() + "@example.org";
        Reply reply = send(Req.post("/api/v1/patients").json(registration(email, PASSWORD)));
        if (reply.status() != 201) {
            throw new AssertionError("registration failed: " + reply.rawBody());
        }
        return email;
    }

    public Reply login(String email, String password) {
        return send(Req.post("/api/v1/auth/token")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    /** A new patient's access token. */
    public String patientToken() {
        return login(registerPatient(), PASSWORD).text("accessToken");
    }

    /** Books an X-ray for the patient of the token; answers the reservation id (PENDING, on the queue). */
    public String book(String patientToken, String start) {
        Reply reply = send(Req.post("/api/v1/reservations").bearer(patientToken)
                .json("{\"examType\":\"XRAY-CHEST\",\"start\":\"" + start + "\"}"));
        if (reply.status() != 202) {
            throw new AssertionError("booking failed: " + reply.rawBody());
        }
        return reply.text("id");
    }

    /** Stores the reservation decided now, as the allocator would. */
    public void decide(String id, Decision decision) {
        Reservation stored = reservations.find(new ReservationId(id)).orElseThrow();
        reservations.put(stored.decide(decision, clock.instant()).withVersion(stored.version() + 1));
    }

    /**
     * A live session of a new, active member of staff with {@code role} and a password set, stored as the
     * log-in would store it; answers its token.
     */
    public String staffToken(StaffRole role) {
        StaffMember member = StaffMember.invited(new EmailAddress("staff" + PATIENTS.incrementAndGet() + "@example.org"),
                "Staff Member", role, clock.instant()).withPasswordHash("$2a$04$unused");
        staff.create(member, new StaffAccounts.Invitation(member.id(), "unused", clock.instant(),
                clock.instant().plusSeconds(60)), AuditEntry.of(member, clock.instant(), "staff.created",
                "staff/" + member.id(), Map.of(), Map.of()));
        String token = com.medicarewizard.intake.auth.DeviceTokens.randomToken();
        staff.storeSession(new StaffAccounts.Session(Digests.sha256Hex(token), member.id(), clock.instant(),
                clock.instant().plusSeconds(3600)));
        return token;
    }

    public static String registration(String email, String password) {
        return """
                {"email":"%s","password":"%s","firstName":"Maria","lastName":"Rossi","phone":"+393471234567",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10"}""".formatted(email, password);
    }
}
