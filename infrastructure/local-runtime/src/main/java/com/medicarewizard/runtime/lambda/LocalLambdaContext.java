package com.medicarewizard.runtime.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@link Context} of one invocation: a fresh request id, the function's configuration and a
 * remaining time that counts down to the invocation's deadline, as on Lambda.
 */
public final class LocalLambdaContext implements Context {

    private static final String ACCOUNT_ID = "000000000000";
    private static final String REGION = "eu-south-1";

    private final FunctionConfig function;
    private final String requestId;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    /**
     * @param function the function's configuration
     * @param deadline when the invocation times out
     * @param clock the clock the remaining time is measured with
     */
    public LocalLambdaContext(FunctionConfig function, Instant deadline, Clock clock) {
        this.function = function;
        this.requestId = UUID.randomUUID().toString();
        this.deadline = deadline;
        this.clock = clock;
        this.logger = new Log4jLambdaLogger(function.name(), requestId);
    }

    /** A context whose deadline is the function's timeout from now. */
    public static LocalLambdaContext startingNow(FunctionConfig function, Clock clock) {
        return new LocalLambdaContext(function, clock.instant().plus(function.timeout()), clock);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    /** One stream per "container", as Lambda names them: date/[version]id. */
    @Override
    public String getLogStreamName() {
        return function.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return function.version();
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + function.name();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** Never negative: Lambda reports 0 once the deadline has passed. */
    @Override
    public int getRemainingTimeInMillis() {
        long remaining = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
