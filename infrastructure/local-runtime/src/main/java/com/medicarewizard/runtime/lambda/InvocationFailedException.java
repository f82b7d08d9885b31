package com.medicarewizard.runtime.lambda;

/**
 * An invocation that did not return a result: the handler threw, or it ran past the function's
 * timeout. Event sources treat both alike, as Lambda does (the batch is retried).
 */
public final class InvocationFailedException extends RuntimeException {

    private final String requestId;
    private final boolean timedOut;

    InvocationFailedException(String message, String requestId, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.requestId = requestId;
        this.timedOut = timedOut;
    }

    /** The request id of the failed invocation, as the handler saw it in its Context. */
    public String requestId() {
        return requestId;
    }

    /** Whether the invocation failed by running past the function's timeout. */
    public boolean timedOut() {
        return timedOut;
    }
}
