package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.layout.ItemLayout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams API of the wire endpoint, through the SDK's {@link DynamoDbStreamsClient}:
 * the table's stream found as Lambda finds it, records in commit order with both images, every
 * kind of iterator, the identity of a TTL deletion, and trimming past the retention.
 */
@ExtendWith(EndpointExtension.class)
class StreamsApiIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final EndpointExtension.Served served = EndpointExtension.serve(clock);
    private final DynamoDbStreamsClient streams = served.streams();

    private String streamArn() {
        return streams.listStreams(b -> b.tableName(EndpointExtension.TABLE)).streams().getFirst().streamArn();
    }

    private String iterator(ShardIteratorType type, String sequence) {
        String arn = streamArn();
        Shard shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().getFirst();
        return streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(type)
                .sequenceNumber(sequence)).shardIterator();
    }

    private List<Record> read(String iterator) {
        return streams.getRecords(b -> b.shardIterator(iterator)).records();
    }

    @Test
    void recordsComeInCommitOrderWithBothImages() {
        Key key = new Key("RESERVATION#1", "RESERVATION");
        served.itemTable().put(Item.builder(key).put("status", "PENDING").put("version", 1L).build(), Condition.absent());
        served.itemTable().update(key, Update.set("status", "CONFIRMED").andSet("version", 2L), Condition.present());
        served.itemTable().delete(key, Condition.always());

        assertThat(streamArn()).isEqualTo(served.client().describeTable(b -> b.tableName(EndpointExtension.TABLE))
                .table().latestStreamArn());
        List<Record> records = read(iterator(ShardIteratorType.TRIM_HORIZON, null));

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted().doesNotHaveDuplicates();
        Record modify = records.get(1);
        assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.awsRegion()).isEqualTo("eu-south-1");
        assertThat(modify.eventID()).isNotBlank();
        assertThat(modify.dynamodb().keys()).isEqualTo(Map.of("pk", AttributeValue.fromS(key.pk()),
                "sk", AttributeValue.fromS(key.sk())));
        assertThat(modify.dynamodb().oldImage()).containsEntry("status", AttributeValue.fromS("PENDING"));
        assertThat(modify.dynamodb().newImage()).containsEntry("status", AttributeValue.fromS("CONFIRMED"))
                .containsEntry("version", AttributeValue.fromN("2"));
        assertThat(modify.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(modify.dynamodb().sizeBytes()).isPositive();
        assertThat(modify.dynamodb().approximateCreationDateTime()).isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
        assertThat(records.get(2).userIdentity()).as("a delete by a caller").isNull();
    }

    @Test
    void iteratorsStartWhereAskedAndTheNextOneGoesOn() {
        for (int i = 1; i <= 4; i++) {
            served.table().put(Item.builder("K", "s" + i).build(), Condition.always());
        }
        List<Record> all = read(iterator(ShardIteratorType.TRIM_HORIZON, null));
        String second = all.get(1).dynamodb().sequenceNumber();

        assertThat(read(iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, second))).extracting(r -> r.dynamodb().keys()
                .get("sk").s()).containsExactly("s2", "s3", "s4");
        assertThat(read(iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))).hasSize(2);
        String latest = iterator(ShardIteratorType.LATEST, null);
        var empty = streams.getRecords(b -> b.shardIterator(latest));
        assertThat(empty.records()).isEmpty();

        served.table().put(Item.builder("K", "s5").build(), Condition.always());
        var page = streams.getRecords(b -> b.shardIterator(empty.nextShardIterator()).limit(5));
        assertThat(page.records()).extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("s5");
        assertThat(read(page.nextShardIterator())).isEmpty();
        var limited = streams.getRecords(b -> b.shardIterator(iterator(ShardIteratorType.TRIM_HORIZON, null)).limit(2));
        assertThat(limited.records()).hasSize(2);
        assertThat(read(limited.nextShardIterator())).hasSize(3);
    }

    @Test
    void aDeletionByTimeToLiveCarriesTheServiceAsItsIdentity() {
        served.table().put(Item.builder("TOKEN#a", "TOKEN").put(ItemLayout.EXPIRES_AT, clock.instant().getEpochSecond() - 1)
                .build(), Condition.always());
        assertThat(served.table().deleteExpired(ItemLayout.EXPIRES_AT)).isEqualTo(1);

        Record expired = read(iterator(ShardIteratorType.TRIM_HORIZON, null)).getLast();

        assertThat(expired.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(expired.userIdentity().type()).isEqualTo("Service");
        assertThat(expired.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void recordsPastTheRetentionAreTrimmedAndIteratorsIntoThemRefused() throws Exception {
        served.table().put(Item.builder("OLD", "1").build(), Condition.always());
        String old = read(iterator(ShardIteratorType.TRIM_HORIZON, null)).getFirst().dynamodb().sequenceNumber();
        String staleIterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
        clock.advance(Duration.ofHours(25));
        served.table().put(Item.builder("NEW", "1").build(), Condition.always());
        served.table().compact();

        assertThat(read(iterator(ShardIteratorType.TRIM_HORIZON, null))).extracting(r -> r.dynamodb().keys().get("pk").s())
                .containsExactly("NEW");
        assertThatThrownBy(() -> iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, old))
                .isInstanceOf(TrimmedDataAccessException.class);
        assertThatThrownBy(() -> read(staleIterator)).isInstanceOf(TrimmedDataAccessException.class);
        assertThat(streams.describeStream(b -> b.streamArn(streamArn())).streamDescription().shards().getFirst()
                .sequenceNumberRange().startingSequenceNumber()).isGreaterThan(old);
    }
}
