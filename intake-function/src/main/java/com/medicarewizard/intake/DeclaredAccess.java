package com.medicarewizard.intake;

import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.edge.ApiOperation;
import com.medicarewizard.intake.auth.Authenticator;
import com.medicarewizard.intake.auth.OperatorGuard;
import com.medicarewizard.intake.auth.StaffGuard;
import com.medicarewizard.intake.http.Endpoint;
import com.medicarewizard.intake.http.Route;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Applies each operation's declared {@code security}, once, before its use case runs: the
 * patients' scheme ({@value #PATIENT_SCHEME}) finds the live session behind the bearer token and
 * hands it to the use case ({@link Authenticator}: 401 otherwise); the staff's scheme
 * ({@value #STAFF_SCHEME}) finds the member of staff behind it and admits the roles the operation
 * lists with the scheme ({@link StaffGuard}: 401 without a token, 403 with any other token or role);
 * the operators' scheme ({@value #OPERATOR_SCHEME}) admits the operator token ({@link OperatorGuard}:
 * 401 without a token, 403 with another); no security lets anyone in. No use case checks a token itself.
 *
 * <p>The use case's type must serve the caller the operation declares, so an operation cannot be
 * declared open while its use case needs a patient, nor the other way round; a staff operation must
 * list one or more of the staff's roles, and only those.
 */
final class DeclaredAccess {
    static final String PATIENT_SCHEME = "bearerAuth";
    static final String STAFF_SCHEME = "staffBearerAuth";
    static final String OPERATOR_SCHEME = "operatorBearerAuth";
    private final Authenticator patients;
    private final OperatorGuard operators;
    private final StaffGuard staff;

    DeclaredAccess(Authenticator patients, OperatorGuard operators, StaffGuard staff) {
        this.patients = patients;
        this.operators = operators;
        this.staff = staff;
    }

    /**
     * The operation's use case behind the operation's security.
     *
     * @throws IllegalStateException when the security is not one of this API's, or the use case
     *                               serves another caller than the one declared
     */
    Route guard(ApiOperation operation, Endpoint endpoint) {
        Caller declared = declared(operation);
        return switch (endpoint) {
            case Endpoint.Open open when declared == Caller.ANYONE -> open.route();
            case Endpoint.ForPatient patient when declared == Caller.PATIENT ->
                    request -> patient.route().handle(request, patients.authenticate(request));
            case Endpoint.ForStaff member when declared == Caller.STAFF -> {
                Set<StaffRole> roles = staffRoles(operation);
                yield request -> member.route().handle(request, staff.admit(request, roles));
            }
            case Endpoint.ForOperator operator when declared == Caller.OPERATOR -> request -> {
                operators.admit(request);
                return operator.route().handle(request);
            };
            default -> throw new IllegalStateException(operation + " is declared for " + declared
                    + " but its use case is " + endpoint.getClass().getSimpleName());
        };
    }

    private static Caller declared(ApiOperation operation) {
        if (operation.isOpen()) {
            return Caller.ANYONE;
        }
        if (operation.security().equals(List.of(Set.of(PATIENT_SCHEME)))) {
            return Caller.PATIENT;
        }
        if (operation.security().equals(List.of(Set.of(STAFF_SCHEME)))) {
            return Caller.STAFF;
        }
        if (operation.security().equals(List.of(Set.of(OPERATOR_SCHEME)))) {
            return Caller.OPERATOR;
        }
        throw new IllegalStateException(operation + " declares a security the intake does not apply: "
                + operation.security());
    }

    /** The staff roles the operation lists: one or more, each one of {@link StaffRole}'s. */
    static Set<StaffRole> staffRoles(ApiOperation operation) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String name : operation.roles()) {
            roles.add(StaffRole.fromWire(name).orElseThrow(() -> new IllegalStateException(
                    operation + " lists a role the staff does not have: " + name)));
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(operation + " is for staff but lists no role");
        }
        return roles;
    }

    private enum Caller { ANYONE, PATIENT, STAFF, OPERATOR }
}
