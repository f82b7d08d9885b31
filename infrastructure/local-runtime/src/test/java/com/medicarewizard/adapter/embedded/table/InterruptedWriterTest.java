package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Condition;

import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime interrupts a thread that outlives its Lambda timeout or the gateway's integration
 * timeout. A thread interrupted while its commit is being written or forced must not close the
 * journal under everyone else: an interrupt on a thread in a FileChannel call closes the channel,
 * and the table then refused every later commit until a restart ("could not journal a commit").
 */
class InterruptedWriterTest {

    @TempDir
    Path directory;

    @Test
    void interruptingAWriterMidForceLeavesTheTableWritableAndTheWriteWhole() throws Exception {
        // a force slow enough that interrupts land inside it
        interruptEveryMillisecondWhileWriting(TableOptions.defaults().withJournalSync(new RecordingSync().slowedBy(5)));
    }

    @Test
    void interruptingAWriterOnTheRealDiskLeavesTheTableWritable() throws Exception {
        interruptEveryMillisecondWhileWriting(TableOptions.defaults());
    }

    private void interruptEveryMillisecondWhileWriting(TableOptions options) throws Exception {
        try (EmbeddedTable table = Tables.open(directory, options)) {
            AtomicInteger written = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            Thread writer = Thread.ofPlatform().start(() -> {
                started.countDown();
                for (int i = 0; i < 200; i++) {
                    try {
                        table.put(item("w" + i, "1"), Condition.absent());
                        written.incrementAndGet();
                    } catch (RuntimeException e) {
                        return;
                    }
                    Thread.interrupted();
                }
            });
            started.await();
            for (int i = 0; i < 200 && writer.isAlive(); i++) {
                writer.interrupt();
                Thread.sleep(1);
            }
            writer.join(TimeUnit.MINUTES.toMillis(2));

            assertThat(written.get()).as("every write of the interrupted thread went through").isEqualTo(200);
            table.put(item("after", "1"), Condition.absent());
            assertThat(table.get(key("after", "1"))).isPresent();
        }
        try (EmbeddedTable reopened = Tables.open(directory)) {
            assertThat(reopened.get(key("w199", "1"))).isPresent();
            assertThat(reopened.get(key("after", "1"))).isPresent();
        }
    }
}
