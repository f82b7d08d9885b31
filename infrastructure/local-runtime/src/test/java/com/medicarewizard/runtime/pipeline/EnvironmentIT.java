package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Path;
import java.util.Map;

/** The runtime started from its environment, as ./run-local starts it: the overrides reach the functions and the queue. */
class EnvironmentIT {
    @TempDir
    Path data;

    @Test
    void theIntakeAndTheQueueTakeTheirSettingsFromTheEnvironmentAndOtherwiseFromTheSpec() throws Exception {
        RuntimeConfig config = RuntimeConfig.fromEnvironment(Map.of("MCW_PORT", "0", "MCW_DATA_DIR", data.toString(),
                "MCW_TOKEN_TTL_SECONDS", "600", "MCW_MAX_RECEIVE_COUNT", "7"));
        try (LocalRuntime runtime = LocalRuntime.start(config)) {
            assertThat(new ApiClient(runtime.port()).asNewPatient().expiresIn()).isEqualTo(600);
            Map<QueueAttributeName, String> queue = runtime.sqs().getQueueAttributes(b -> b
                    .queueUrl(runtime.queueUrls().queueUrl())
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY))
                    .attributes();
            assertThat(queue.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo(Long.toString(
                    FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().local().toSeconds()));
            assertThat(queue.get(QueueAttributeName.REDRIVE_POLICY)).containsPattern("\"maxReceiveCount\":\"?7\"?[,}]");
        }
    }
}
