package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.CancellationReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a write or a transaction changes: evaluates conditions on the current items and
 * computes the new images, validating them as DynamoDB validates. Nothing here writes; the
 * caller holds the writer lock.
 */
final class Commits {

    private final ItemStore store;

    Commits(ItemStore store) {
        this.store = store;
    }

    ItemChange single(Write write) {
        Optional<Item> current = store.get(write.key());
        if (!write.condition().test(current)) {
            throw new ConditionFailedException(write.key(), current);
        }
        return new ItemChange(current, newImage(write, current));
    }

    List<ItemChange> transaction(List<Write> writes) {
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
        List<ItemChange> changes = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            changes.add(new ItemChange(currents.get(i), newImage(writes.get(i), currents.get(i))));
        }
        return changes;
    }

    private Optional<Item> newImage(Write write, Optional<Item> current) {
        Optional<Item> next = switch (write) {
            case Write.Put put -> Optional.of(put.item());
            case Write.UpdateItem update -> Optional.of(update.change().apply(current.orElseGet(() -> Item.of(update.key()))));
            case Write.Delete delete -> Optional.empty();
            case Write.Check check -> current;
        };
        next.filter(item -> !next.equals(current)).ifPresent(store::validate);
        return next;
    }
}
