package com.medicarewizard.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an UpdateItem does to an item, declared so that DynamoDB can run it server-side and the
 * embedded table can apply it under its writer lock: set attributes, remove them, add to a number
 * (absent counts as 0) and append to a list of strings (absent counts as empty). Key attributes
 * cannot be changed, and an attribute is named at most once (DynamoDB refuses overlapping paths).
 */
public record Update(List<Action> actions) {

    /** One clause of the update expression. */
    public sealed interface Action {
        String attribute();
    }

    public record SetValue(String attribute, Object value) implements Action {
    }

    public record RemoveAttribute(String attribute) implements Action {
    }

    public record AddNumber(String attribute, long delta) implements Action {
    }

    public record AppendToList(String attribute, List<String> values) implements Action {
    }

    public Update {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one action");
        }
        Set<String> named = new HashSet<>();
        for (Action action : actions) {
            String attribute = Objects.requireNonNull(action.attribute(), "attribute");
            if (Item.PK.equals(attribute) || Item.SK.equals(attribute)) {
                throw new IllegalArgumentException("an update cannot change key attribute " + attribute);
            }
            if (!named.add(attribute)) {
                throw new IllegalArgumentException("an update names attribute " + attribute + " twice");
            }
        }
    }

    public static Update set(String attribute, Object value) {
        return new Update(List.of(new SetValue(attribute, value)));
    }

    public static Update remove(String attribute) {
        return new Update(List.of(new RemoveAttribute(attribute)));
    }

    public static Update add(String attribute, long delta) {
        return new Update(List.of(new AddNumber(attribute, delta)));
    }

    public static Update append(String attribute, List<String> values) {
        return new Update(List.of(new AppendToList(attribute, List.copyOf(values))));
    }

    public Update andSet(String attribute, Object value) {
        return and(new SetValue(attribute, value));
    }

    public Update andRemove(String attribute) {
        return and(new RemoveAttribute(attribute));
    }

    private Update and(Action action) {
        List<Action> more = new ArrayList<>(actions);
        more.add(action);
        return new Update(more);
    }

    /** The item after this update: {@code current} is the stored item, or one holding only the key. */
    public Item apply(Item current) {
        Item.Builder next = current.toBuilder();
        for (Action action : actions) {
            switch (action) {
                case SetValue(String attribute, Object value) -> next.put(attribute, value);
                case RemoveAttribute(String attribute) -> next.remove(attribute);
                case AddNumber(String attribute, long delta) ->
                        next.put(attribute, current.optLong(attribute).orElse(0) + delta);
                case AppendToList(String attribute, List<String> values) -> {
                    List<String> list = new ArrayList<>(current.has(attribute) ? current.strings(attribute) : List.of());
                    list.addAll(values);
                    next.put(attribute, list);
                }
            }
        }
        return next.build();
    }
}
