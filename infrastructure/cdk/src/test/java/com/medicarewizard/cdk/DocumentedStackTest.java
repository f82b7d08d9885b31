package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.functions.Alarms;
import com.medicarewizard.functions.IntakeSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What README and docs/operations.md say about the stack itself (the functions' settings and the
 * alarms are held to FunctionSpecs and Alarms in infrastructure/function-specs): the API's throttle
 * and body limit, the names the intake is told, the count of alarms that is paid for.
 */
class DocumentedStackTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("mcw.repository", "../.."));

    @Test
    void theReadmeQuotesTheDeployedThrottleBodyLimitAndAlarmCount() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md")).replaceAll("\\s+", " ");
        assertThat(readme).contains("throttled at " + (int) PublicApi.RATE_LIMIT + " requests/s with bursts of "
                        + PublicApi.BURST_LIMIT)
                .contains("bodies over " + PublicApi.MAX_BODY_BYTES / 1024 + " KiB")
                .contains("dashboard + " + Alarms.ALL.size() + " alarms");
    }

    @Test
    void theOperationsGuideNamesTheHeadersTheStackUses() throws IOException {
        String guide = Files.readString(REPOSITORY.resolve("docs/operations.md")).replaceAll("\\s+", " ");
        assertThat(guide).contains("`" + IntakeSpec.CLIENT_ADDRESS_HEADER + "=" + IntakeSpec.CLIENT_ADDRESS_HEADER_IN_AWS + "`")
                .contains("`" + PublicApi.ORIGIN_HEADER + "`")
                .contains("a body over " + PublicApi.MAX_BODY_BYTES / 1024 + " KiB")
                .contains("(" + Functions.OPERATOR_TOKEN_LENGTH + " letters and digits)");
    }
}
