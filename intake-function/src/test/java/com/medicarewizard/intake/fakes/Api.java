package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.intake.ApiHandler;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.intake.StreamPosition;
import com.medicarewizard.intake.auth.BcryptPasswordHasher;
import com.medicarewizard.port.fakes.InMemoryPatients;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The intake handler over in-memory fakes of every port, with the test center and a clock set to
 * {@link TestCenter#NOW}; bcrypt at its cheapest cost so tests stay quick.
 */
public final class Api {
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger PATIENTS = new AtomicInteger();
    public final FakeReservations reservations = new FakeReservations();
    public final FakeSlotLedger ledger = new FakeSlotLedger();
    public final InMemoryPatients patients = new InMemoryPatients();
    public final FakeTokens tokens = new FakeTokens();
    public final FakeLoginAttempts attempts = new FakeLoginAttempts();
    public final FakeQueue queue = new FakeQueue();
    public final MutableClock clock = new MutableClock(TestCenter.NOW);
    public final Center center = TestCenter.center();
    public volatile double streamLag;
    private final ApiHandler handler;

    public Api() {
        this(IntakeConfig.defaults());
    }

    public Api(IntakeConfig config) {
        StreamPosition lag = () -> streamLag;
        Intake intake = new Intake(() -> center, ledger, reservations, queue, patients, tokens, attempts, lag,
                new BcryptPasswordHasher(4), config, clock);
        handler = new ApiHandler(intake);
    }

    public Reply send(Req request) {
        return Reply.of(handler.handleRequest(request.event(), new TestContext()));
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

    public static String registration(String email, String password) {
        return """
                {"email":"%s","password":"%s","firstName":"Maria","lastName":"Rossi","phone":"+393471234567",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10"}""".formatted(email, password);
    }
}
