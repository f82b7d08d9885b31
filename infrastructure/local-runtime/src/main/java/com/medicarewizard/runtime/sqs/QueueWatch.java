package com.medicarewizard.runtime.sqs;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Notices a deleted reservation queue, run on a timer: a queue or dead-letter queue that was
 * deleted is created again, empty, with its attributes, and {@code recreated} runs so that the
 * requests the table holds as waiting are put back on it at once (the sweeper would otherwise
 * re-send them only after their patience).
 */
public final class QueueWatch implements Runnable {

    private static final Logger LOG = LogManager.getLogger(QueueWatch.class);

    private final SqsClient sqs;
    private final QueueSpec spec;
    private final Runnable recreated;

    /**
     * @param sqs a client whose calls are bounded in time ({@link LocalSqsClients#forFunctions})
     * @param recreated what to do once the queues were created again
     */
    public QueueWatch(SqsClient sqs, QueueSpec spec, Runnable recreated) {
        this.sqs = sqs;
        this.spec = spec;
        this.recreated = recreated;
    }

    @Override
    public void run() {
        try {
            QueueSetup setup = new QueueSetup(sqs);
            if (!setup.exists(spec)) {
                LOG.warn("queue {} or its dead-letter queue was deleted: created again, and the waiting requests "
                        + "queued again", spec.name());
                setup.create(spec);
                recreated.run();
            }
        } catch (RuntimeException e) {
            // a timer's task that throws is never run again: log and go on
            LOG.warn("the queue could not be checked: {}", e.toString());
        }
    }
}
