package com.medicarewizard.adapter.sqs;

import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.contract.DeadLettersContract;
import com.medicarewizard.runtime.sqs.QueueUrls;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;

/** The SQS dead-letter adapter against ElasticMQ: the port contract. */
class SqsDeadLettersIT extends DeadLettersContract {

    @RegisterExtension
    static final ElasticMqServer SQS = new ElasticMqServer();
    private QueueUrls urls;

    @Override
    protected DeadLetters newDeadLetters() {
        urls = SQS.newQueue();
        return new SqsDeadLetters(SQS.sqs(), urls.queueUrl(), urls.deadLetterQueueUrl());
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
