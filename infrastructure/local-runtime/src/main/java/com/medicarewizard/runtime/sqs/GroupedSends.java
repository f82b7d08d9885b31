package com.medicarewizard.runtime.sqs;

import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The local reservation queue's sends, grouped: what callers send while a batch is on its way goes
 * out together in the next {@code SendMessageBatch} (up to ten), instead of one HTTP request to the
 * SQS stand-in each. A profile of the edge under load put over a quarter of the process's CPU in
 * ElasticMQ's HTTP and actor code and a sixth in the SDK's request pipeline, nearly all of it for
 * single sends: the allocator's receives and deletes already go ten at a time (docs/adr/0009). Each
 * caller still returns only once its own message was accepted (or fails with
 * {@link QueueUnavailableException}, as a single send would), so a 202 still means "queued or, if the
 * queue refused, PENDING for the sweeper". At no load a batch is one message: the cost is a hand-off
 * to the sending thread.
 */
public final class GroupedSends implements ReservationQueue, AutoCloseable {
    /** SQS's largest batch. */
    static final int MAX_BATCH = 10;
    private static final Logger LOG = LogManager.getLogger(GroupedSends.class);

    private final Function<List<ReservationCommand>, List<ReservationCommand>> sendBatch;
    private final Supplier<QueueFigures> figures;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean closed;

    /**
     * @param sendBatch sends 1 to {@value #MAX_BATCH} commands at once and answers those not accepted
     *     (throws {@link QueueUnavailableException} when the whole batch was refused)
     * @param figures the queue's figures
     */
    public GroupedSends(Function<List<ReservationCommand>, List<ReservationCommand>> sendBatch,
                        Supplier<QueueFigures> figures) {
        this.sendBatch = sendBatch;
        this.figures = figures;
        this.sender = Thread.ofPlatform().name("queue-grouped-sends").daemon().start(this::sendWhatWaits);
    }

    @Override
    public void send(ReservationCommand command) {
        Pending pending = new Pending(command, new CompletableFuture<>());
        if (closed || !waiting.offer(pending)) {
            throw new QueueUnavailableException("the queue is closing", null);
        }
        if (closed) {
            // closed between the check and the offer: nobody sends it any more
            refuseWhatWaits();
        }
        try {
            pending.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QueueUnavailableException unavailable) {
                throw unavailable;
            }
            throw new QueueUnavailableException("the queue did not accept " + command.type(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException("interrupted while sending " + command.type(), e);
        }
    }

    /** Sends waiting for the next batch (tests). */
    int waiting() {
        return waiting.size();
    }

    @Override
    public QueueFigures figures() {
        return figures.get();
    }

    private void sendWhatWaits() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.warn("grouped send failed: {}", e.toString());
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        refuseWhatWaits();
    }

    private void send(List<Pending> batch) {
        List<ReservationCommand> refused = sendBatch.apply(batch.stream().map(Pending::command).toList());
        for (Pending pending : batch) {
            if (refused.contains(pending.command())) {
                pending.done().completeExceptionally(new QueueUnavailableException(
                        "the queue did not accept " + pending.command().type(), null));
            } else {
                pending.done().complete(null);
            }
        }
    }

    private void refuseWhatWaits() {
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new QueueUnavailableException("the queue closed", null)));
    }

    /** Stops taking sends; those waiting are refused (their requests stay PENDING for the sweeper). */
    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        try {
            sender.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refuseWhatWaits();
    }

    private record Pending(ReservationCommand command, CompletableFuture<Void> done) {
    }
}
