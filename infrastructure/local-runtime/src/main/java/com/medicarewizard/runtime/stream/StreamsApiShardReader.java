package com.medicarewizard.runtime.stream;

import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A stream's one shard read through the DynamoDB Streams API, as Lambda's poller reads it:
 * DescribeStream for the shard, GetShardIterator (TRIM_HORIZON at first — the deployed mapping's
 * starting position — then AFTER_SEQUENCE_NUMBER of the checkpoint), GetRecords following
 * {@code NextShardIterator}. The records are turned back into the table's {@link StreamRecord}s
 * (values S, N, BOOL and L of S, as the table writes them), so that the mapping builds the
 * {@code DynamodbEvent} from what the API answered. Checkpoints are kept in memory, by the mapping,
 * as Lambda keeps them apart from the stream. For streams whose sequence numbers fit a long, as
 * the wire endpoint's do.
 */
public final class StreamsApiShardReader implements ShardReader {
    private static final Logger LOG = LogManager.getLogger(StreamsApiShardReader.class);
    private static final int MAX_RECORDS = 1000;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String shardId;
    private final Map<String, Long> checkpoints = new ConcurrentHashMap<>();
    private String iterator;
    private long iteratorAfter = -1;

    /** Reads the one shard of {@code streamArn} (e.g. DescribeTable's {@code LatestStreamArn}). */
    public StreamsApiShardReader(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        if (shards.size() != 1) {
            throw new IllegalStateException("this reader reads a stream of one shard; " + streamArn + " has "
                    + shards.size());
        }
        this.shardId = shards.getFirst().shardId();
    }

    public String streamArn() {
        return streamArn;
    }

    @Override
    public long checkpoint(String consumer) {
        return checkpoints.getOrDefault(consumer, 0L);
    }

    @Override
    public void checkpoint(String consumer, long sequence) {
        checkpoints.put(consumer, sequence);
    }

    @Override
    public synchronized List<StreamRecord> read(long afterSequence, int max) {
        if (iterator == null || iteratorAfter != afterSequence) {
            iterator = iteratorAfter(afterSequence);
        }
        GetRecordsResponse page;
        try {
            page = getRecords(max);
        } catch (ExpiredIteratorException e) {
            iterator = iteratorAfter(afterSequence);
            page = getRecords(max);
        }
        List<StreamRecord> records = page.records().stream().map(StreamsApiShardReader::record).toList();
        iterator = page.nextShardIterator();
        iteratorAfter = records.isEmpty() ? afterSequence : records.getLast().sequenceNumber();
        return records;
    }

    private GetRecordsResponse getRecords(int max) {
        String from = iterator;
        return streams.getRecords(b -> b.shardIterator(from).limit(Math.min(max, MAX_RECORDS)));
    }

    private String iteratorAfter(long sequence) {
        try {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(sequence == 0 ? ShardIteratorType.TRIM_HORIZON
                            : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(sequence == 0 ? null : StreamRecordJson.sequenceNumber(sequence))).shardIterator();
        } catch (TrimmedDataAccessException e) {
            // as Lambda: records that expired before they were processed are lost, reading goes on
            LOG.error("stream records after {} of {} expired before they were processed", sequence, streamArn);
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        }
    }

    static StreamRecord record(Record record) {
        var change = record.dynamodb();
        long sequence;
        try {
            sequence = Long.parseLong(change.sequenceNumber());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("sequence number " + change.sequenceNumber()
                    + " is beyond what this reader handles (a long)", e);
        }
        Map<String, AttributeValue> keys = change.keys();
        Identity identity = record.userIdentity();
        boolean byTimeToLive = identity != null && "Service".equals(identity.type())
                && "dynamodb.amazonaws.com".equals(identity.principalId());
        return new StreamRecord(sequence, record.eventNameAsString(),
                new Key(keys.get(Item.PK).s(), keys.get(Item.SK).s()),
                change.hasOldImage() ? Optional.of(item(change.oldImage())) : Optional.empty(),
                change.hasNewImage() ? Optional.of(item(change.newImage())) : Optional.empty(),
                change.approximateCreationDateTime(), byTimeToLive);
    }

    private static Item item(Map<String, AttributeValue> image) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        image.forEach((name, value) -> attributes.put(name, switch (value.type()) {
            case S -> value.s();
            case N -> Long.parseLong(value.n());
            case BOOL -> value.bool();
            case L -> value.l().stream().map(AttributeValue::s).toList();
            default -> throw new IllegalStateException("attribute " + name + " has a type the table never writes: "
                    + value.type());
        }));
        return Item.of(attributes);
    }
}
