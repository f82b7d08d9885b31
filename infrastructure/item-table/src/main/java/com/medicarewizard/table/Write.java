package com.medicarewizard.table;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One action of a transaction, as in TransactWriteItems: Put, Update, Delete or ConditionCheck. */
public sealed interface Write {

    Key key();

    Condition condition();

    /**
     * Refuses what TransactWriteItems refuses before looking at any item: no writes, more than
     * {@value ItemTable#MAX_TRANSACTION_WRITES}, or two writes on one key.
     */
    static void validateTransaction(List<Write> writes) {
        Objects.requireNonNull(writes, "writes");
        if (writes.isEmpty() || writes.size() > ItemTable.MAX_TRANSACTION_WRITES) {
            throw new IllegalArgumentException("a transaction has 1 to "
                    + ItemTable.MAX_TRANSACTION_WRITES + " writes, not " + writes.size());
        }
        Set<Key> keys = new HashSet<>();
        for (Write write : writes) {
            if (!keys.add(write.key())) {
                throw new IllegalArgumentException(
                        "Transaction request cannot include multiple operations on one item: " + write.key());
            }
        }
    }

    static Write put(Item item, Condition condition) {
        return new Put(item, condition);
    }

    static Write update(Key key, Update change, Condition condition) {
        return new UpdateItem(key, change, condition);
    }

    static Write delete(Key key, Condition condition) {
        return new Delete(key, condition);
    }

    /** Only checks the condition; writes nothing. */
    static Write check(Key key, Condition condition) {
        return new Check(key, condition);
    }

    record Put(Item item, Condition condition) implements Write {
        public Put {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public Key key() {
            return item.key();
        }
    }

    /** Like UpdateItem: {@code change} applies to the current item, or to an item holding only the key. */
    record UpdateItem(Key key, Update change, Condition condition) implements Write {
        public UpdateItem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(condition, "condition");
        }
    }

    record Delete(Key key, Condition condition) implements Write {
        public Delete {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(condition, "condition");
        }
    }

    record Check(Key key, Condition condition) implements Write {
        public Check {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(condition, "condition");
        }
    }
}
