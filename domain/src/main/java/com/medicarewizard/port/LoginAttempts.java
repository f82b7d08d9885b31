package com.medicarewizard.port;

import java.time.Instant;
import java.util.List;

/**
 * Recent failed log-ins per subject (an account, or a client address; subjects are hashed or
 * otherwise free of personal data), for throttling. Successful log-ins are not recorded.
 */
public interface LoginAttempts {

    /** Records a failure and answers the subject's failures at or after {@code since}, oldest first. */
    List<Instant> recordFailure(String subject, Instant at, Instant since);

    /** The subject's failures at or after {@code since}, oldest first. */
    List<Instant> failuresSince(String subject, Instant since);

    /** Forgets the subject's failures (after a successful log-in of that account). */
    void clear(String subject);
}
