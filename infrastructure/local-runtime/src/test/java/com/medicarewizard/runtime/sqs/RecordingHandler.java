package com.medicarewizard.runtime.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** The runtime suite's tiny handler: records what it is given and behaves as told. */
final class RecordingHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** What the handler does with a batch, after recording it. */
    interface Behaviour {
        SQSBatchResponse handle(SQSEvent event, Context context) throws Exception;
    }

    /** One record as the handler saw it. */
    record Delivery(int batch, SQSMessage message, long atNanos) {
        String body() {
            return message.getBody();
        }

        int receiveCount() {
            return Integer.parseInt(message.getAttributes().get("ApproximateReceiveCount"));
        }
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    private volatile Behaviour behaviour = (event, context) -> new SQSBatchResponse(List.of());

    RecordingHandler behave(Behaviour next) {
        this.behaviour = next;
        return this;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        try {
            int batch = batchSizes.size();
            batchSizes.add(event.getRecords().size());
            long now = System.nanoTime();
            event.getRecords().forEach(m -> deliveries.add(new Delivery(batch, m, now)));
            return behaviour.handle(event, context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            active.decrementAndGet();
        }
    }

    List<Delivery> deliveriesOf(String body) {
        return deliveries.stream().filter(d -> d.body().equals(body)).toList();
    }

    /** A behaviour that reports the records matching the predicate as batch item failures. */
    static Behaviour failing(Predicate<SQSMessage> which) {
        return (event, context) -> new SQSBatchResponse(event.getRecords().stream()
                .filter(which)
                .map(m -> new BatchItemFailure(m.getMessageId()))
                .toList());
    }
}
