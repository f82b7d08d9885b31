package com.medicarewizard.runtime.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** One SQS stand-in, its client and whatever mappings a test starts; closes them in reverse. */
final class SqsRuntimeFixture implements AutoCloseable {

    /** Short polls so that a mapping closed by a test leaves no receive pending for long. */
    static final Duration POLL_WAIT = Duration.ofSeconds(1);

    final EmbeddedSqsServer server;
    final SqsClient sqs;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    SqsRuntimeFixture() {
        this.server = EmbeddedSqsServer.start(0);
        this.sqs = LocalSqsClients.forServer(server);
    }

    QueueUrls queue(String name, Duration visibility, int maxReceiveCount) {
        return new QueueSetup(sqs).create(new QueueSpec(name, visibility, maxReceiveCount, name + "-dlq"));
    }

    /** A mapping whose pollers each invoke a container of their own, all running {@code handler}. */
    SqsEventSourceMapping map(QueueUrls urls, RecordingHandler handler, MappingConfig config, Duration timeout) {
        var mapping = new SqsEventSourceMapping(sqs, urls.queueUrl(), () -> {
            var function = new LocalFunction<SQSEvent, SQSBatchResponse>(
                    FunctionConfig.of("test-consumer", timeout, 256), handler);
            opened.push(function);
            return function;
        }, config.withPollWait(POLL_WAIT));
        opened.push(mapping);
        return mapping.start();
    }

    void send(QueueUrls urls, String body) {
        sqs.sendMessage(b -> b.queueUrl(urls.queueUrl()).messageBody(body));
    }

    void send(QueueUrls urls, String body, Map<String, MessageAttributeValue> attributes) {
        sqs.sendMessage(b -> b.queueUrl(urls.queueUrl()).messageBody(body).messageAttributes(attributes));
    }

    QueueFigures figures(QueueUrls urls) {
        return QueueFigures.read(sqs, urls);
    }

    @Override
    public void close() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
        sqs.close();
        server.close();
    }
}
