package com.medicarewizard.runtime.dynamodb;

import com.medicarewizard.table.Key;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Faults injected into an endpoint's answers, settable while it runs, per operation name
 * ({@code "PutItem"}, {@code "TransactWriteItems"}, {@code "GetRecords"}…, or {@link #ANY_OPERATION}):
 * <ul>
 * <li>{@link #latency}: an extra delay before each call is served (a slow table);</li>
 * <li>{@link #throttleNext}: the next calls are refused as DynamoDB refuses throttled ones —
 *     {@code ProvisionedThroughputExceededException} for item operations, {@code ThrottlingException}
 *     for the others — which the SDK retries with back-off;</li>
 * <li>{@link #conflictNextTransactions}: the next TransactWriteItems are cancelled with reason
 *     {@code TransactionConflict} on their item (the first, or those whose partition key starts
 *     with a prefix), as when another transaction holds it; nothing is written;</li>
 * <li>{@link #hang}: calls are accepted and never answered until {@link #clear} (a service that
 *     stopped responding); they are then dropped unanswered, having changed nothing.</li>
 * </ul>
 * A fault applies before anything is read or written. Thread-safe.
 */
public final class Faults {

    /** The operation name that stands for every operation. */
    public static final String ANY_OPERATION = "*";
    private static final List<String> ITEM_OPERATIONS =
            List.of("GetItem", "BatchGetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "TransactWriteItems");

    private final Map<String, Latency> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> hangs = new ConcurrentHashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    private record Conflict(AtomicInteger left, Optional<String> keyPrefix) {
    }

    Faults() {
    }

    /** Every call of {@code operation} waits {@code delay} before it is served. */
    public Faults latency(String operation, Duration delay) {
        return latency(operation, Latency.fixed(delay));
    }

    /** Every call of {@code operation} waits a delay drawn from {@code latency} before it is served. */
    public Faults latency(String operation, Latency latency) {
        latencies.put(operation(operation), Objects.requireNonNull(latency, "latency"));
        return this;
    }

    /** The next {@code calls} calls of {@code operation} are throttled (added to any throttling still pending). */
    public Faults throttleNext(String operation, int calls) {
        requirePositive(calls);
        throttles.computeIfAbsent(operation(operation), o -> new AtomicInteger()).addAndGet(calls);
        return this;
    }

    /** The next {@code transactions} TransactWriteItems are cancelled by a TransactionConflict on their first item. */
    public Faults conflictNextTransactions(int transactions) {
        return conflict(transactions, Optional.empty());
    }

    /**
     * The next {@code transactions} TransactWriteItems that write an item whose partition key starts
     * with {@code keyPrefix} are cancelled by a TransactionConflict on those items; others pass.
     */
    public Faults conflictNextTransactions(int transactions, String keyPrefix) {
        return conflict(transactions, Optional.of(Objects.requireNonNull(keyPrefix, "keyPrefix")));
    }

    private synchronized Faults conflict(int transactions, Optional<String> keyPrefix) {
        requirePositive(transactions);
        conflicts.add(new Conflict(new AtomicInteger(transactions), keyPrefix));
        return this;
    }

    /** Calls of {@code operation} from now on are accepted and never answered, until {@link #clear}. */
    public Faults hang(String operation) {
        hangs.computeIfAbsent(operation(operation), o -> new CountDownLatch(1));
        return this;
    }

    /** Removes every fault; hung calls are released (and dropped unanswered). */
    public synchronized Faults clear() {
        latencies.clear();
        throttles.clear();
        conflicts.clear();
        hangs.values().forEach(CountDownLatch::countDown);
        hangs.clear();
        return this;
    }

    /** Removes the faults of {@code operation}; its hung calls are released (and dropped unanswered). */
    public Faults clear(String operation) {
        latencies.remove(operation);
        throttles.remove(operation);
        Optional.ofNullable(hangs.remove(operation)).ifPresent(CountDownLatch::countDown);
        return this;
    }

    /** The delay to add before serving a call, zero when none is set. */
    Duration delay(String operation) {
        Latency latency = Optional.ofNullable(latencies.get(operation)).orElse(latencies.get(ANY_OPERATION));
        if (latency == null) {
            return Duration.ZERO;
        }
        synchronized (random) {
            return latency.next(random);
        }
    }

    /** The hang a call waits on, if its operation hangs. */
    Optional<CountDownLatch> hung(String operation) {
        return Optional.ofNullable(hangs.get(operation)).or(() -> Optional.ofNullable(hangs.get(ANY_OPERATION)));
    }

    /** The throttling error for this call, if one is due (it is then used up). */
    Optional<WireError> throttle(String operation) {
        for (String name : List.of(operation, ANY_OPERATION)) {
            AtomicInteger left = throttles.get(name);
            if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.of(ITEM_OPERATIONS.contains(operation)
                        ? WireError.provisionedThroughputExceeded() : WireError.throttling());
            }
        }
        return Optional.empty();
    }

    /** The positions of the items of a transaction that conflict, empty when it may go on; uses a conflict up. */
    synchronized List<Integer> takeConflict(List<Key> keys) {
        for (Conflict conflict : conflicts) {
            if (conflict.left().get() == 0) {
                continue;
            }
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (conflict.keyPrefix().map(keys.get(i).pk()::startsWith).orElse(positions.isEmpty())) {
                    positions.add(i);
                }
            }
            if (!positions.isEmpty()) {
                conflict.left().decrementAndGet();
                return positions;
            }
        }
        return List.of();
    }

    private static String operation(String operation) {
        Objects.requireNonNull(operation, "operation");
        if (operation.isBlank()) {
            throw new IllegalArgumentException("an operation name, or " + ANY_OPERATION);
        }
        return operation;
    }

    private static void requirePositive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a count of at least 1, not " + count);
        }
    }
}
