package com.medicarewizard.intake.http;

import java.util.Objects;

/**
 * A use case bound to one operation of the API, typed by the caller it serves. The operation's
 * declared security must name that caller; the dispatcher proves it before the use case runs.
 */
public sealed interface Endpoint {

    /** For anyone: the operation declares no security. */
    record Open(Route route) implements Endpoint {
        public Open {
            Objects.requireNonNull(route, "route");
        }
    }

    /** For a patient with a live session: the operation declares the patients' bearer scheme. */
    record ForPatient(PatientRoute route) implements Endpoint {
        public ForPatient {
            Objects.requireNonNull(route, "route");
        }
    }

    /**
     * For a member of staff with a live session: the operation declares the staff's bearer scheme with the
     * roles that may call it.
     */
    record ForStaff(StaffRoute route) implements Endpoint {
        public ForStaff {
            Objects.requireNonNull(route, "route");
        }
    }

    /** For the operators: the operation declares the operators' bearer scheme. */
    record ForOperator(Route route) implements Endpoint {
        public ForOperator {
            Objects.requireNonNull(route, "route");
        }
    }
}
