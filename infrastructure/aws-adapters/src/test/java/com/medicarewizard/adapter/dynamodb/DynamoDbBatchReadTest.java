package com.medicarewizard.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * How the adapter's batch read meets what DynamoDB may answer and no local server does: keys left
 * unprocessed (a throttled partition), asked again until read, or the read failing after its attempts.
 */
class DynamoDbBatchReadTest {
    private static final Key A = new Key("R#a", "R");
    private static final Key B = new Key("R#b", "R");

    /** Answers the first {@code stingy} calls with the first key asked only (of one key: none), the others left unprocessed. */
    private static final class Stingy implements DynamoDbClient {
        private final List<BatchGetItemRequest> asked = new ArrayList<>();
        private int stingy;

        Stingy(int stingy) {
            this.stingy = stingy;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            asked.add(request);
            KeysAndAttributes keys = request.requestItems().get("t");
            int size = keys.keys().size();
            List<Map<String, AttributeValue>> answered = stingy-- > 0 ? keys.keys().subList(0, size > 1 ? 1 : 0)
                    : keys.keys();
            List<Map<String, AttributeValue>> left = keys.keys().subList(answered.size(), keys.keys().size());
            return BatchGetItemResponse.builder()
                    .responses(Map.of("t", answered.stream().map(key -> {
                        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
                        item.put("x", AttributeValue.fromS("y"));
                        return (Map<String, AttributeValue>) item;
                    }).toList()))
                    .unprocessedKeys(left.isEmpty() ? Map.of() : Map.of("t", KeysAndAttributes.builder().keys(left).build()))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void keysLeftUnprocessedAreAskedAgainStronglyConsistentUntilRead() {
        Stingy client = new Stingy(1);

        List<Optional<Item>> read = new DynamoDbItemTable(client, "t").getAll(List.of(A, B));

        assertThat(read).map(item -> item.map(Item::key)).containsExactly(Optional.of(A), Optional.of(B));
        assertThat(client.asked).hasSize(2).allSatisfy(request ->
                assertThat(request.requestItems().get("t").consistentRead()).isTrue());
        assertThat(client.asked.get(1).requestItems().get("t").keys()).hasSize(1);
    }

    @Test
    void keysStillUnprocessedAfterEveryAttemptFailTheRead() {
        Stingy client = new Stingy(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new DynamoDbItemTable(client, "t").getAll(List.of(A, B)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unprocessed");
        assertThat(client.asked).hasSize(DynamoDbItemTable.BATCH_READ_ATTEMPTS);
    }
}
