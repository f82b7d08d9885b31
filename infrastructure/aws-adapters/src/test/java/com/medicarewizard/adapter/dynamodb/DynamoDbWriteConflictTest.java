package com.medicarewizard.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.layout.TableIndex;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A single write on an item a transaction has under way, which DynamoDB refuses with
 * TransactionConflictException and no local server does: a patient's cancel request recorded while the
 * allocator's transaction confirms the same reservation.
 */
class DynamoDbWriteConflictTest {
    private static final Key RESERVATION = new Key("RES#r1", "RES");

    /** Refuses the first {@code conflicts} updates as a transaction under way would, then writes. */
    private static final class Busy implements DynamoDbClient {
        private int conflicts;
        private int calls;

        Busy(int conflicts) {
            this.conflicts = conflicts;
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            calls++;
            if (conflicts-- > 0) {
                throw TransactionConflictException.builder().message("Transaction is ongoing for the item").build();
            }
            Map<String, AttributeValue> item = new HashMap<>(request.key());
            item.put("status", AttributeValue.fromS("PENDING"));
            return UpdateItemResponse.builder().attributes(item).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private static DynamoDbItemTable table(Busy client) {
        return new DynamoDbItemTable(client, "t", TableIndex.ALL, BackoffStrategy.retryImmediately());
    }

    @Test
    void aWriteThatMeetsATransactionUnderWayIsTriedAgainUntilItLands() {
        Busy client = new Busy(2);

        assertThat(table(client).update(RESERVATION, Update.set("status", "PENDING"), Condition.always()).key())
                .isEqualTo(RESERVATION);
        assertThat(client.calls).isEqualTo(3);
    }

    @Test
    void aConflictThatOutlastsTheAttemptsIsABusyItemForTheCallerToTryLater() {
        Busy client = new Busy(Integer.MAX_VALUE);

        assertThatThrownBy(() -> table(client).update(RESERVATION, Update.set("status", "PENDING"), Condition.always()))
                .isInstanceOf(ContendedWriteException.class);
        assertThat(client.calls).isEqualTo(DynamoDbTransactions.ATTEMPTS);
    }
}
