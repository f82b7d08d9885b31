package com.medicarewizard.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableRateLimits;
import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.contract.RateLimitsContract;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRateLimitsTest extends RateLimitsContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected RateLimits newRateLimits() {
        return new TableRateLimits(openTable());
    }

    /** The table of this test, opened once. */
    protected EmbeddedTable openTable() {
        if (table == null) {
            table = EmbeddedTables.open(directory);
        }
        return table;
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
        table = null;
    }

    @Test
    void anAllowanceExpiresWhenItsPolicyWouldForgetIt() {
        Instant now = Instant.parse("2030-03-04T08:00:00.250Z");
        new TableRateLimits(table).take("client:1", new FixedWindow(5, Duration.ofMinutes(1)), now);

        assertThat(table.get(ExpiringRecords.limitKey("client:1")).orElseThrow().longValue(ItemLayout.EXPIRES_AT))
                .isEqualTo(now.plusSeconds(61).getEpochSecond());
    }
}
