package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails after the queue server is up (the table held by another process, the port
 * taken) closes what it had opened, and the process exits non-zero rather than serving nothing.
 */
class StartFailureIT {
    @TempDir
    Path data;

    @Test
    void aStartOnATableInUseExitsNonZero() throws Exception {
        try (EmbeddedTable held = EmbeddedTables.open(data.resolve("table"))) {
            assertThat(exitsWith1(RuntimeProcess.launch(data))).contains("already open");
        }
    }

    @Test
    void aStartOnAPortTakenExitsNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            exitsWith1(RuntimeProcess.launch(data, Map.of("MCW_PORT", Integer.toString(taken.getLocalPort()))));
        }
    }

    @Test
    void aFailedStartClosesTheQueueServerItHadStarted() throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests(data, "ops-secret-for-tests");
        try (EmbeddedTable held = EmbeddedTables.open(data.resolve("table"))) {
            assertThatThrownBy(() -> LocalRuntime.start(config)).hasMessageContaining("already open");
        }
        // only one queue server may be open per JVM: this start works only if the first one closed it
        try (LocalRuntime runtime = LocalRuntime.start(config)) {
            assertThat(new ApiClient(runtime.port()).get("/api/v1/exam-types").status()).isEqualTo(200);
        }
    }

    /** Waits for the child to exit, checks it exited with 1 saying why, and answers what it logged. */
    private static String exitsWith1(RuntimeProcess child) throws Exception {
        try {
            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("exited; see %s", child.log()).isTrue();
            assertThat(child.process().exitValue()).isEqualTo(1);
            String output = child.output();
            assertThat(output).contains("MediCareWizard could not start");
            return output;
        } finally {
            child.process().destroyForcibly();
        }
    }
}
