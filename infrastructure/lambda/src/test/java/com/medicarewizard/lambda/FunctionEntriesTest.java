package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.medicarewizard.functions.FunctionSpec;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.lambda.allocator.SweeperFunction;

import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entries the function specs name are this module's, and they read what the specs define. */
class FunctionEntriesTest {

    @Test
    void everySpecifiedEntryIsAHandlerLambdaCanBuild() throws Exception {
        for (FunctionSpec spec : FunctionSpecs.all()) {
            Class<?> entry = Class.forName(spec.handler());
            assertThat(RequestHandler.class).as(spec.name()).isAssignableFrom(entry);
            assertThat(Modifier.isPublic(entry.getConstructor().getModifiers())).as(spec.name()).isTrue();
            assertThat(entry.getConstructor(Map.class)).as(spec.name()).isNotNull();
        }
    }

    @Test
    void theSweeperRefusesAPatienceWithinTheQueuesVisibilityTimeout() {
        String visibility = Long.toString(FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().aws().toSeconds());
        Map<String, String> env = Map.of("AWS_REGION", "eu-south-1", "MCW_TABLE_NAME", "t",
                "MCW_QUEUE_URL", "http://127.0.0.1:9/q", "MCW_DEAD_LETTER_QUEUE_URL", "http://127.0.0.1:9/dlq",
                "MCW_DYNAMODB_ENDPOINT", "http://127.0.0.1:9", "MCW_SQS_ENDPOINT", "http://127.0.0.1:9",
                "MCW_SWEEP_AFTER_SECONDS", visibility);
        assertThatThrownBy(() -> new SweeperFunction(env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MCW_SWEEP_AFTER_SECONDS").hasMessageContaining(visibility + " s");
    }
}
