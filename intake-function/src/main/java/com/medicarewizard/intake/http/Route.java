package com.medicarewizard.intake.http;

/** One use case behind one method and path of the API: takes the request, answers the response. */
@FunctionalInterface
public interface Route {

    /** Answers the request; a {@link ProblemException} becomes a problem+json answer. */
    Response handle(Request request);
}
