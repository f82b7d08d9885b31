package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

class BatchVerdictTest {

    private static final List<Message> BATCH = List.of(message("a"), message("b"), message("c"));

    @Test
    void aNullResponseOrAnEmptyListDeletesEverything() {
        assertThat(BatchVerdict.of(BATCH, null, true).toDelete()).isEqualTo(BATCH);
        assertThat(BatchVerdict.of(BATCH, new SQSBatchResponse(), true).toDelete()).isEqualTo(BATCH);
        assertThat(BatchVerdict.of(BATCH, response(), true).toDelete()).isEqualTo(BATCH);
    }

    @Test
    void listedFailuresStayAndTheOthersAreDeleted() {
        BatchVerdict verdict = BatchVerdict.of(BATCH, response("b"), true);
        assertThat(verdict.batchFailed()).isFalse();
        assertThat(verdict.toDelete()).extracting(Message::messageId).containsExactly("a", "c");
        assertThat(verdict.toRetry()).extracting(Message::messageId).containsExactly("b");
    }

    @Test
    void anUnknownNullOrEmptyIdentifierFailsTheWholeBatch() {
        for (String bad : Arrays.asList("zzz", "", null)) {
            BatchVerdict verdict = BatchVerdict.of(BATCH, response("a", bad), true);
            assertThat(verdict.batchFailed()).as("identifier %s", bad).isTrue();
            assertThat(verdict.toDelete()).isEmpty();
            assertThat(verdict.toRetry()).isEqualTo(BATCH);
        }
    }

    @Test
    void withoutReportBatchItemFailuresTheResponseIsIgnored() {
        assertThat(BatchVerdict.of(BATCH, response("b"), false).toDelete()).isEqualTo(BATCH);
    }

    private static SQSBatchResponse response(String... ids) {
        List<BatchItemFailure> failures = new ArrayList<>();
        for (String id : ids) {
            failures.add(new BatchItemFailure(id));
        }
        return new SQSBatchResponse(failures);
    }

    private static Message message(String id) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body(id).build();
    }
}
