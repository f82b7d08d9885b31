package com.medicarewizard.intake.http;

import com.medicarewizard.port.Tokens;

/**
 * A use case for a patient: called only once the request's bearer token has been found to be a
 * live session, with that session.
 */
@FunctionalInterface
public interface PatientRoute {

    /** Answers the patient's request; a {@link ProblemException} becomes a problem+json answer. */
    Response handle(Request request, Tokens.Session session);
}
