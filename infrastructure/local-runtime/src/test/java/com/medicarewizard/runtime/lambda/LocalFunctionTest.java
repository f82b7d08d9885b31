package com.medicarewizard.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {

    /** Roomy: a handler that returns at once must not time out on a machine other builds keep busy. */
    private static final FunctionConfig CONFIG = FunctionConfig.of("test-fn", Duration.ofSeconds(30), 512);
    /** For the handler that never returns: short, so that the test does not wait long for the timeout. */
    private static final FunctionConfig SHORT = FunctionConfig.of("test-fn", Duration.ofMillis(500), 512);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void contextDescribesTheFunctionAndAFreshRequest() {
        List<Context> seen = new ArrayList<>();
        try (var function = new LocalFunction<String, String>(CONFIG, (in, ctx) -> {
            seen.add(ctx);
            return in;
        })) {
            function.invoke("a");
            function.invoke("b");
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).getAwsRequestId()).isNotEqualTo(seen.get(1).getAwsRequestId());
        Context context = seen.get(0);
        assertThat(context.getFunctionName()).isEqualTo("test-fn");
        assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(512);
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/test-fn");
        assertThat(context.getLogStreamName()).isEqualTo(seen.get(1).getLogStreamName()).contains("[$LATEST]");
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:eu-south-1:000000000000:function:test-fn");
        assertThat(context.getLogger()).isNotNull();
    }

    @Test
    void remainingTimeDecreasesFromTheTimeout() {
        RequestHandler<String, List<Integer>> handler = (in, ctx) -> {
            int first = ctx.getRemainingTimeInMillis();
            await().atMost(PATIENCE).until(() -> ctx.getRemainingTimeInMillis() < first - 50);
            return List.of(first, ctx.getRemainingTimeInMillis());
        };
        try (var function = new LocalFunction<>(CONFIG, handler)) {
            List<Integer> remaining = function.invoke("x");
            assertThat(remaining.get(0)).isBetween(1, 30_000);
            assertThat(remaining.get(1)).isLessThan(remaining.get(0) - 50);
        }
    }

    @Test
    void aHandlerRunningPastTheTimeoutFailsTheInvocationAndIsInterrupted() {
        var interrupted = new AtomicBoolean();
        RequestHandler<String, String> handler = (in, ctx) -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return in;
        };
        try (var function = new LocalFunction<>(SHORT, handler)) {
            assertThatThrownBy(() -> function.invoke("x"))
                    .isInstanceOfSatisfying(InvocationFailedException.class,
                            e -> assertThat(e.timedOut()).isTrue());
            await().atMost(PATIENCE).untilTrue(interrupted);
        }
    }

    @Test
    void aThrownExceptionFailsTheInvocationWithItsCause() {
        RequestHandler<String, String> handler = (in, ctx) -> {
            throw new IllegalStateException("boom");
        };
        try (var function = new LocalFunction<>(CONFIG, handler)) {
            assertThatThrownBy(() -> function.invoke("x"))
                    .isInstanceOfSatisfying(InvocationFailedException.class, e -> {
                        assertThat(e.timedOut()).isFalse();
                        assertThat(e.requestId()).isNotBlank();
                    })
                    .hasRootCauseMessage("boom");
        }
    }

    @Test
    void theHandlerInstanceIsReusedOnOneThread() {
        Set<Object> instances = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        RequestHandler<String, String> handler = new RequestHandler<>() {
            @Override
            public String handleRequest(String in, Context ctx) {
                instances.add(this);
                threads.add(Thread.currentThread().getName());
                return in;
            }
        };
        try (var function = new LocalFunction<>(CONFIG, handler)) {
            for (int i = 0; i < 5; i++) {
                function.invoke("x" + i);
            }
        }
        assertThat(instances).hasSize(1);
        assertThat(threads).containsExactly("lambda-test-fn");
    }
}
