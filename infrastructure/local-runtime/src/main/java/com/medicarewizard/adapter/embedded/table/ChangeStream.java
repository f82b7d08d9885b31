package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Key;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The table's change stream (a DynamoDB stream with NEW_AND_OLD_IMAGES): one record per
 * committed change of an item, with sequence numbers strictly increasing in commit order.
 * Consumers keep durable checkpoints; records after the lowest checkpoint are always retained,
 * others are dropped once older than the retention (24 h by default). Listeners
 * ({@link #onPublished}) are told of each record as it becomes readable.
 */
public final class ChangeStream {
    private static final Logger LOG = LogManager.getLogger(ChangeStream.class);

    /** Makes a checkpoint durable before it takes effect. */
    interface CheckpointLog {
        void write(String consumer, long sequence);
    }

    private final ConcurrentSkipListMap<Long, StreamRecord> records = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Long> checkpoints = new ConcurrentHashMap<>();
    private final CheckpointLog log;
    private final List<Consumer<StreamRecord>> listeners = new CopyOnWriteArrayList<>();
    private volatile long latest;

    ChangeStream(CheckpointLog log) {
        this.log = log;
    }

    /** Up to {@code max} committed records with a sequence number above {@code afterSequence}, in order. */
    public List<StreamRecord> read(long afterSequence, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        long upTo = latest;
        if (afterSequence >= upTo) {
            return List.of();
        }
        return records.subMap(afterSequence, false, upTo, true).values().stream().limit(max).toList();
    }

    /** The sequence number of the last committed record, 0 when there has been none. */
    public long latestSequence() {
        return latest;
    }

    /**
     * Whether a change of the item {@code key} is committed but not yet readable (its force is under
     * way): the table shows it already, its stream record only once it is durable. Looks only at the
     * records awaiting their force, a handful.
     */
    public boolean unpublished(Key key) {
        return firstUnpublished(key).isPresent();
    }

    /**
     * The first change of the item {@code key} committed but not yet readable, if any: its old image
     * is the item as it is durably stored while that force is under way.
     */
    public Optional<StreamRecord> firstUnpublished(Key key) {
        Objects.requireNonNull(key, "key");
        return records.tailMap(latest, false).values().stream().filter(record -> record.keys().equals(key))
                .findFirst();
    }

    /** The lowest sequence number still retained, if any record is. */
    public OptionalLong oldestRetainedSequence() {
        Map.Entry<Long, StreamRecord> first = records.firstEntry();
        return first == null || first.getKey() > latest ? OptionalLong.empty() : OptionalLong.of(first.getKey());
    }

    /** Durably records that {@code consumer} has processed every record up to {@code sequence}. */
    public void checkpoint(String consumer, long sequence) {
        Objects.requireNonNull(consumer, "consumer");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        log.write(consumer, sequence);
    }

    /** The consumer's checkpoint, 0 when it has none. */
    public long checkpoint(String consumer) {
        return checkpoints.getOrDefault(consumer, 0L);
    }

    public Map<String, Long> checkpoints() {
        return Map.copyOf(checkpoints);
    }

    void restoreCheckpoint(String consumer, long sequence) {
        checkpoints.put(consumer, sequence);
    }

    void append(Collection<StreamRecord> committed) {
        committed.forEach(record -> records.put(record.sequenceNumber(), record));
    }

    /**
     * Tells {@code listener} of every record from now on, in sequence order, on the thread that makes
     * it readable — once it is durable, never before (so nothing acts on a commit a power loss could
     * take back). The listener holds up that writer: it must only hand the record on (wake a waiter),
     * never block; what it throws is logged and the commit goes on.
     */
    public void onPublished(Consumer<StreamRecord> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Makes records up to {@code sequence} readable; called once they are applied to the items and
     * durable. Committers whose lines one force covered may publish out of order: never backwards.
     */
    synchronized void publish(long sequence) {
        if (sequence > latest) {
            long before = latest;
            latest = sequence;
            if (!listeners.isEmpty()) {
                tell(records.subMap(before, false, sequence, true).values());
            }
        }
    }

    private void tell(Collection<StreamRecord> published) {
        for (StreamRecord record : published) {
            for (Consumer<StreamRecord> listener : listeners) {
                try {
                    listener.accept(record);
                } catch (RuntimeException e) {
                    LOG.warn("a listener of the change stream failed on record {}: {}", record.sequenceNumber(),
                            e.toString());
                }
            }
        }
    }

    /**
     * Drops records older than {@code retention} that every consumer with a checkpoint and every one
     * of {@code required} (from sequence 0 if it has none yet) has passed; returns how many were
     * dropped. Looks at the oldest records only, up to the first it keeps.
     */
    synchronized int trim(Instant now, Duration retention, Set<String> required) {
        // synchronized as publish is: a record published is told to the listeners before it can go
        boolean untilRead = retention.isZero(); // then a clock stepped back holds nothing up
        Instant cutoff = now.minus(retention);
        long protectedAfter = checkpoints.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        for (String consumer : required) {
            protectedAfter = Math.min(protectedAfter, checkpoints.getOrDefault(consumer, 0L));
        }
        protectedAfter = Math.min(protectedAfter, latest); // never one whose force is under way
        int dropped = 0;
        for (StreamRecord record : records.values()) {
            if (record.sequenceNumber() > protectedAfter
                    || !untilRead && record.approximateCreationTime().isAfter(cutoff)) {
                break;
            }
            records.remove(record.sequenceNumber());
            dropped++;
        }
        return dropped;
    }

    Collection<StreamRecord> retained() {
        return records.values();
    }
}
