package com.medicarewizard.intake.http;

/**
 * Ends a request with a problem answer. It is expected control flow for bad input, so it carries
 * no stack trace.
 */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
