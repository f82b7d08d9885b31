package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;

import java.util.UUID;

/** The notifier's Lambda context as the runtime passes one: a fresh request id, names, a 30 s budget, a logger. */
record TestContext(String getAwsRequestId, String getLogGroupName, String getLogStreamName, String getFunctionName,
                   String getFunctionVersion, String getInvokedFunctionArn, CognitoIdentity getIdentity,
                   ClientContext getClientContext, int getRemainingTimeInMillis, int getMemoryLimitInMB,
                   LambdaLogger getLogger) implements Context {

    TestContext() {
        this(UUID.randomUUID().toString(), "/aws/lambda/notifier", "2030/03/04/[$LATEST]0123456789abcdef",
                "notifier", "$LATEST", "arn:aws:lambda:eu-south-1:123456789012:function:notifier", null, null,
                30_000, 512, LambdaRuntime.getLogger());
    }
}
