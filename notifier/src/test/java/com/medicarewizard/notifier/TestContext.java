package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The notifier's Lambda context as the runtime passes one: a fresh request id, names, a remaining time
 * (30 s unless a test says), a logger.
 */
record TestContext(String getAwsRequestId, String getLogGroupName, String getLogStreamName, String getFunctionName,
                   String getFunctionVersion, String getInvokedFunctionArn, CognitoIdentity getIdentity,
                   ClientContext getClientContext, IntSupplier remaining, int getMemoryLimitInMB,
                   LambdaLogger getLogger) implements Context {

    TestContext() {
        this(() -> 30_000);
    }

    /** With the remaining time {@code remaining} answers each time it is asked. */
    TestContext(IntSupplier remaining) {
        this(UUID.randomUUID().toString(), "/aws/lambda/notifier", "2030/03/04/[$LATEST]0123456789abcdef",
                "notifier", "$LATEST", "arn:aws:lambda:eu-south-1:123456789012:function:notifier", null, null,
                remaining, 512, LambdaRuntime.getLogger());
    }

    /** Time enough for {@code sideEffects} side effects (the first that many times it is asked), then none. */
    static TestContext enoughFor(int sideEffects) {
        AtomicInteger asked = new AtomicInteger();
        return new TestContext(() -> asked.incrementAndGet() <= sideEffects ? 30_000 : 0);
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remaining.getAsInt();
    }
}
