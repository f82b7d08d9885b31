package com.medicarewizard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.DeadLetters.DeadLetter;
import com.medicarewizard.port.contract.DeadLettersContract;
import com.medicarewizard.runtime.sqs.QueueUrls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The SQS dead-letter adapter against ElasticMQ: the port contract, and a listing of more than one
 * screenful that leaves the queue as it found it.
 */
class SqsDeadLettersIT extends DeadLettersContract {

    @RegisterExtension
    static final ElasticMqServer SQS = new ElasticMqServer();
    private QueueUrls urls;

    @Override
    protected DeadLetters newDeadLetters() {
        urls = SQS.newQueue();
        return new SqsDeadLetters(SQS.sqs(), urls.queueUrl(), urls.deadLetterQueueUrl());
    }

    @Test
    void listsAHundredAndFiftyWholeAndLeavesThemVisibleForTheNextLookAndARedrive() {
        SqsDeadLetters deadLetters = (SqsDeadLetters) newDeadLetters();
        List<String> ids = new ArrayList<>();
        for (int batch = 0; batch < 15; batch++) {
            int first = batch * 10;
            ids.addAll(SQS.sqs().sendMessageBatch(b -> b.queueUrl(urls.deadLetterQueueUrl()).entries(
                    IntStream.range(first, first + 10).mapToObj(i -> SendMessageBatchRequestEntry.builder()
                            .id("e" + i).messageBody("letter " + i).build()).toList()))
                    .successful().stream().map(SendMessageBatchResultEntry::messageId).toList());
        }

        assertThat(deadLetters.list(200)).extracting(DeadLetter::messageId).containsExactlyInAnyOrderElementsOf(ids);

        assertThat(visible()).as("released once listed, not hidden for %s", SqsDeadLetters.HIDDEN).isEqualTo(150);
        assertThat(deadLetters.list(200)).as("a second look at once").hasSize(150);
        assertThat(deadLetters.redrive().messages()).isEqualTo(150);
        List<String> arrived = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            arrived.addAll(drainQueue());
            assertThat(arrived).hasSize(150);
        });
    }

    private long visible() {
        return Long.parseLong(SQS.sqs().getQueueAttributes(b -> b.queueUrl(urls.deadLetterQueueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Override
    protected String deadLetter(String body) {
        return SQS.sqs().sendMessage(b -> b.queueUrl(urls.deadLetterQueueUrl()).messageBody(body)).messageId();
    }

    @Override
    protected List<String> drainQueue() {
        return SQS.sqs().receiveMessage(b -> b.queueUrl(urls.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages().stream().map(Message::body).toList();
    }
}
