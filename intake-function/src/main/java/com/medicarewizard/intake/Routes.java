package com.medicarewizard.intake;

import com.medicarewizard.domain.patient.PasswordPolicy;
import com.medicarewizard.intake.auth.IssueToken;
import com.medicarewizard.intake.auth.Logout;
import com.medicarewizard.intake.catalog.ListExamTypes;
import com.medicarewizard.intake.catalog.QueryAvailability;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.intake.ops.OperatorRoutes;
import com.medicarewizard.intake.ops.PipelineStatus;
import com.medicarewizard.intake.patient.CommonPasswords;
import com.medicarewizard.intake.patient.OwnProfile;
import com.medicarewizard.intake.patient.RegisterPatient;
import com.medicarewizard.intake.reservation.CancelReservation;
import com.medicarewizard.intake.reservation.ReadReservations;
import com.medicarewizard.intake.reservation.ReservationCalendar;
import com.medicarewizard.intake.reservation.RequestReservation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The v1 routes, keyed by API Gateway's {@code resource} template and HTTP method, each bound to
 * its use case once per container.
 */
final class Routes {
    private final Map<String, Map<String, Route>> byResource = new LinkedHashMap<>();

    Routes(Intake intake) {
        var reads = new ReadReservations(intake);
        add("GET", "/api/v1/exam-types", new ListExamTypes(intake.catalog()));
        add("GET", "/api/v1/availability", new QueryAvailability(intake.catalog(), intake.ledger(), intake.clock(),
                intake.config().availabilityCache()));
        add("POST", "/api/v1/patients", new RegisterPatient(intake, new PasswordPolicy(CommonPasswords.load())));
        add("POST", "/api/v1/auth/token", new IssueToken(intake));
        add("POST", "/api/v1/auth/logout", new Logout(intake));
        add("GET", "/api/v1/me", new OwnProfile(intake));
        add("POST", "/api/v1/reservations", new RequestReservation(intake));
        add("GET", "/api/v1/reservations", reads.all());
        add("GET", "/api/v1/reservations/{id}", reads.one());
        add("DELETE", "/api/v1/reservations/{id}", new CancelReservation(intake));
        add("GET", "/api/v1/reservations/{id}/calendar", new ReservationCalendar(intake));
        add("GET", "/api/v1/ops/pipeline", new PipelineStatus(intake));
        var ops = new OperatorRoutes(intake);
        add("GET", "/api/v1/ops/dead-letters", ops.deadLetters());
        add("POST", "/api/v1/ops/dead-letters/redrive", ops.redrive());
        add("GET", "/api/v1/ops/notifications/parked", ops.parked());
        add("POST", "/api/v1/ops/notifications/parked/{id}/retry", ops.retryParked());
        add("GET", "/api/v1/ops/outbox", ops.outbox());
    }

    private void add(String method, String resource, Route route) {
        byResource.computeIfAbsent(resource, r -> new LinkedHashMap<>()).put(method, route);
    }

    /** The route for the request; 404 for an unknown resource, 405 (with Allow) for an unknown method. */
    Route find(Request request) {
        Map<String, Route> methods = byResource.get(request.resource());
        if (methods == null) {
            throw Problems.notFound().raise();
        }
        Route route = methods.get(request.method());
        if (route == null) {
            String allowed = methods.keySet().stream().collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(", "));
            throw Problems.methodNotAllowed(allowed).raise();
        }
        return route;
    }
}
