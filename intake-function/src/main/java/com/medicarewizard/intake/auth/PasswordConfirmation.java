package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;

import java.time.Clock;
import java.util.Optional;

/**
 * A logged-in patient proves it is them before something that cannot be taken back or that shows
 * everything about them (their data's export, their account's erasure): the {@code password} of the
 * JSON body, checked as a log-in checks it, under the same {@link LoginThrottle} (429 with
 * {@code Retry-After}), refused busy (503) before the attempt is taken when the hashing threads are,
 * and a wrong one the log-in's 401 {@code invalid-credentials}, no sooner than the
 * {@link FailedLogInFloor}. A stolen bearer token alone is then not enough.
 */
public final class PasswordConfirmation {
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final FailedLogInFloor floor;
    private final Clock clock;

    public PasswordConfirmation(PasswordHasher hasher, LoginThrottle throttle, FailedLogInFloor floor, Clock clock) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.floor = floor;
        this.clock = clock;
    }

    /** Returns when the request's password is {@code patient}'s; otherwise raises the problem to answer. */
    public void confirm(Request request, Patient patient) {
        Form form = new Form(JsonBody.object(request));
        Optional<String> password = form.required("password", MAX_PASSWORD_LENGTH);
        form.check();
        try {
            hasher.admit();
        } catch (PasswordHasher.BusyException busy) {
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
        LoginThrottle.Attempt attempt = throttle.begin(patient.email(), request.clientAddress(), Optional.empty(),
                clock.instant());
        long started = floor.start();
        boolean matches;
        try {
            matches = hasher.verify(password.orElseThrow(), patient.passwordHash());
        } catch (PasswordHasher.BusyException busy) {
            attempt.abandoned();
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
        if (!matches) {
            floor.holdFrom(started);
            throw IssueToken.invalidCredentials().raise();
        }
        attempt.succeeded();
    }
}
