package com.medicarewizard.runtime.sqs;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Notices a broken queue store, run on a timer. Each run checks that the queue and its dead-letter
 * queue exist — one that was deleted is created again, empty, with its attributes (the sweeper
 * re-sends what is still PENDING) — and that the store takes a write: a probe message sent to a
 * queue of its own, received and deleted. ElasticMQ's H2 store stays broken after a failed write
 * (a full disk) even once space returns, so after {@link #FAILED_PROBES} failed runs in a row the
 * watch reports the store broken, and the runtime exits non-zero for its supervisor to restart it
 * on the same data, where the restart finishes every request answered 202.
 */
public final class QueueStoreWatch implements Runnable {

    /** Failed runs in a row that mean broken; each already had the SDK's retries within its call timeout. */
    static final int FAILED_PROBES = 3;
    private static final Logger LOG = LogManager.getLogger(QueueStoreWatch.class);

    private final SqsClient sqs;
    private final QueueSpec spec;
    private final Runnable broken;
    private int failedInARow;

    /**
     * @param sqs a client whose calls are bounded in time ({@link LocalSqsClients#forFunctions})
     * @param broken what to do once the store is found broken (called once)
     */
    public QueueStoreWatch(SqsClient sqs, QueueSpec spec, Runnable broken) {
        this.sqs = sqs;
        this.spec = spec;
        this.broken = broken;
    }

    @Override
    public void run() {
        if (failedInARow >= FAILED_PROBES) {
            return;
        }
        try {
            recreateIfDeleted();
            probe();
            failedInARow = 0;
        } catch (SdkException e) {
            failedInARow++;
            LOG.warn("the queue store failed a probe ({} of {}): {}", failedInARow, FAILED_PROBES, e.toString());
            if (failedInARow == FAILED_PROBES) {
                LOG.error("the queue store is broken (a full disk leaves it so until a restart)");
                broken.run();
            }
        }
    }

    private void recreateIfDeleted() {
        QueueSetup setup = new QueueSetup(sqs);
        if (!setup.exists(spec)) {
            LOG.warn("queue {} or its dead-letter queue was deleted: created again, empty; the sweeper re-sends "
                    + "PENDING requests", spec.name());
            setup.create(spec);
        }
    }

    private void probe() {
        String probes = new QueueSetup(sqs).createOrGet(spec.name() + "-store-probe");
        sqs.sendMessage(b -> b.queueUrl(probes).messageBody("probe"));
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(probes).maxNumberOfMessages(10)).messages()) {
            sqs.deleteMessage(b -> b.queueUrl(probes).receiptHandle(message.receiptHandle()));
        }
    }
}
