package com.medicarewizard.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableLoginAttempts;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attacked subject's item stays small: past 100 failures the oldest are cut back. */
class LoginAttemptsBoundTest {

    private static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @BeforeEach
    void open() {
        table = EmbeddedTables.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        table.close();
    }

    @Test
    void keepsTheNewestHundredFailuresOfASubject() {
        TableLoginAttempts attempts = new TableLoginAttempts(table);
        for (int i = 0; i < 105; i++) {
            attempts.recordFailure("client:1", T0.plusSeconds(i), T0.minusSeconds(3600));
        }

        assertThat(table.get(ExpiringRecords.throttleKey("client:1")).orElseThrow().strings(ItemLayout.FAILURES)).hasSize(100);
        assertThat(attempts.failuresSince("client:1", T0.minusSeconds(3600)))
                .hasSize(100).startsWith(T0.plusSeconds(5)).endsWith(T0.plusSeconds(104));
    }
}
