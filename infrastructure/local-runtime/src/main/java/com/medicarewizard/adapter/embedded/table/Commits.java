package com.medicarewizard.adapter.embedded.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a write or a transaction changes: evaluates conditions on the current items and
 * computes the new images, validating them as DynamoDB validates. Nothing here writes; the
 * caller holds the writer lock.
 */
final class Commits {

    /** The change of one item; equal images mean nothing changes and nothing is streamed. */
    record Change(Optional<Item> oldImage, Optional<Item> newImage) {
        boolean changesItem() {
            return !oldImage.equals(newImage);
        }
    }

    private final ItemStore store;

    Commits(ItemStore store) {
        this.store = store;
    }

    Change single(Write write) {
        Optional<Item> current = store.get(write.key());
        if (!write.condition().test(current)) {
            throw new ConditionFailedException(write.key(), current);
        }
        return new Change(current, newImage(write, current));
    }

    List<Change> transaction(List<Write> writes) {
        List<Optional<Item>> currents = writes.stream().map(write -> store.get(write.key())).toList();
        List<CancellationReason> reasons = new ArrayList<>(writes.size());
        boolean cancelled = false;
        for (int i = 0; i < writes.size(); i++) {
            boolean holds = writes.get(i).condition().test(currents.get(i));
            reasons.add(holds ? CancellationReason.none() : CancellationReason.failed(currents.get(i)));
            cancelled |= !holds;
        }
        if (cancelled) {
            throw new TransactionCanceledException(reasons);
        }
        List<Change> changes = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            changes.add(new Change(currents.get(i), newImage(writes.get(i), currents.get(i))));
        }
        return changes;
    }

    static void validateTransaction(List<Write> writes) {
        Objects.requireNonNull(writes, "writes");
        if (writes.isEmpty() || writes.size() > EmbeddedTable.MAX_TRANSACTION_WRITES) {
            throw new IllegalArgumentException("a transaction has 1 to "
                    + EmbeddedTable.MAX_TRANSACTION_WRITES + " writes, not " + writes.size());
        }
        Set<Key> keys = new HashSet<>();
        for (Write write : writes) {
            if (!keys.add(write.key())) {
                throw new IllegalArgumentException(
                        "Transaction request cannot include multiple operations on one item: " + write.key());
            }
        }
    }

    private Optional<Item> newImage(Write write, Optional<Item> current) {
        Optional<Item> next = switch (write) {
            case Write.Put put -> Optional.of(put.item());
            case Write.Update update -> Optional.of(updated(update, current));
            case Write.Delete delete -> Optional.empty();
            case Write.Check check -> current;
        };
        next.filter(item -> !next.equals(current)).ifPresent(store::validate);
        return next;
    }

    private static Item updated(Write.Update update, Optional<Item> current) {
        Item changed = Objects.requireNonNull(update.change().apply(current.orElseGet(() -> Item.of(update.key()))),
                "an update must return an item");
        if (!changed.key().equals(update.key())) {
            throw new IllegalArgumentException("an update cannot change the key of " + update.key());
        }
        return changed;
    }
}
