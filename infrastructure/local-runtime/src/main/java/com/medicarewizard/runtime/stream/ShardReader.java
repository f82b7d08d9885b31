package com.medicarewizard.runtime.stream;

import com.medicarewizard.adapter.embedded.table.ChangeStream;
import com.medicarewizard.adapter.embedded.table.StreamRecord;

import java.util.List;

/**
 * What a stream mapping reads its shard through: the embedded table's {@link ChangeStream} in
 * process, or the DynamoDB Streams API ({@link StreamsApiShardReader}) as Lambda's poller does.
 * Sequence numbers are positive and increase in commit order; 0 is "before the first record".
 */
public interface ShardReader {

    /** Where {@code consumer} left off: every record up to it is done (0: none). */
    long checkpoint(String consumer);

    /** Up to {@code max} records after {@code afterSequence}, in order. */
    List<StreamRecord> read(long afterSequence, int max);

    /** Records that {@code consumer} is done with every record up to {@code sequence}. */
    void checkpoint(String consumer, long sequence);

    /** The embedded table's stream, whose checkpoints are durable in the table's journal. */
    static ShardReader of(ChangeStream stream) {
        return new ShardReader() {
            @Override
            public long checkpoint(String consumer) {
                return stream.checkpoint(consumer);
            }

            @Override
            public List<StreamRecord> read(long afterSequence, int max) {
                return stream.read(afterSequence, max);
            }

            @Override
            public void checkpoint(String consumer, long sequence) {
                stream.checkpoint(consumer, sequence);
            }
        };
    }
}
