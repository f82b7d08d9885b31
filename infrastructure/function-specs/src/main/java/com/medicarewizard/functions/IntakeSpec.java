package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The intake, behind API Gateway (locally, behind the embedded gateway).
 *
 * @param function      the function
 * @param tokenLifetime how long a patient's access token lives, unless {@code MCW_TOKEN_TTL_SECONDS} says otherwise
 */
public record IntakeSpec(FunctionSpec function, Duration tokenLifetime) {

    /**
     * The ARN of the Secrets Manager secret whose string is the operators' bearer token (AWS): read at
     * first use, never at initialisation (no secret in a SnapStart snapshot) and never in the environment.
     */
    public static final String OPS_TOKEN_SECRET_ARN = "MCW_OPS_TOKEN_SECRET_ARN";
    /** The notifier's function name (AWS): its {@code AWS/Lambda IteratorAge} is the stream lag. */
    public static final String NOTIFIER_FUNCTION_NAME = "MCW_NOTIFIER_FUNCTION_NAME";
    /**
     * The request header that holds the client's address, where a proxy the API trusts writes it (AWS:
     * {@value #CLIENT_ADDRESS_HEADER_IN_AWS}, set by CloudFront from the viewer's address, the only way in).
     * Unset, the intake takes the address API Gateway saw (locally: the connection's).
     */
    public static final String CLIENT_ADDRESS_HEADER = "MCW_CLIENT_ADDRESS_HEADER";
    /** The website's address as its visitors reach it: the links the intake e-mails (staff invitations) point there. */
    public static final String PUBLIC_URL = "MCW_PUBLIC_URL";
    /** The header CloudFront sets to the viewer's address on every request to the API. */
    public static final String CLIENT_ADDRESS_HEADER_IN_AWS = "True-Client-IP";

    public IntakeSpec {
        Objects.requireNonNull(function, "function");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive");
        }
    }
}
