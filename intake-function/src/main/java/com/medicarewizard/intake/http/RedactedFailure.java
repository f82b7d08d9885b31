package com.medicarewizard.intake.http;

/**
 * An unexpected exception fit for the log: the class names and stack frames of the whole cause
 * chain, without the messages, which may quote input or stored personal data (an e-mail address,
 * a tax code in a driver's error).
 */
public final class RedactedFailure extends RuntimeException {
    private static final int MAX_CAUSES = 10;

    private RedactedFailure(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static RedactedFailure of(Throwable failure) {
        return redact(failure, 0);
    }

    private static RedactedFailure redact(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        RedactedFailure redactedCause = cause == null || cause == failure || depth >= MAX_CAUSES
                ? null : redact(cause, depth + 1);
        return new RedactedFailure(failure, redactedCause);
    }
}
