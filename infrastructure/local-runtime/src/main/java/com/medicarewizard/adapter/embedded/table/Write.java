package com.medicarewizard.adapter.embedded.table;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** One action of a transaction, as in TransactWriteItems: Put, Update, Delete or ConditionCheck. */
public sealed interface Write {

    Key key();

    Condition condition();

    static Write put(Item item, Condition condition) {
        return new Put(item, condition);
    }

    static Write update(Key key, UnaryOperator<Item> change, Condition condition) {
        return new Update(key, change, condition);
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

    /** Like UpdateItem: {@code change} gets the current item, or an item holding only the key. */
    record Update(Key key, UnaryOperator<Item> change, Condition condition) implements Write {
        public Update {
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
