package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Translates a {@link Condition} or an {@link Update} into DynamoDB's expression language, every
 * attribute name and value behind a placeholder ({@code #n0}, {@code :v0}), so that reserved words
 * and any value are safe. One instance per request: the placeholders of its expressions are shared.
 */
final class Expressions {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** The names used so far; {@code null} when none, as DynamoDB wants no empty map. */
    Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    /** The values used so far; {@code null} when none, as DynamoDB wants no empty map. */
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }

    String name(String attribute) {
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getValue().equals(attribute)) {
                return entry.getKey();
            }
        }
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** The condition expression; {@code null} for {@link Condition#always()} (no condition). */
    String condition(Condition condition) {
        return condition instanceof Condition.Always ? null : clause(condition);
    }

    private String clause(Condition condition) {
        return switch (condition) {
            case Condition.Always always ->
                    throw new IllegalArgumentException("always() has no place inside another condition");
            case Condition.AttributeExists(String attribute) -> "attribute_exists(" + name(attribute) + ")";
            case Condition.AttributeNotExists(String attribute) -> "attribute_not_exists(" + name(attribute) + ")";
            case Condition.Equals(String attribute, Object value) ->
                    name(attribute) + " = " + value(AttributeValues.value(value));
            case Condition.SizeEquals(String attribute, long size) ->
                    "size(" + name(attribute) + ") = " + value(AttributeValues.value(size));
            case Condition.And(List<Condition> all) -> joined(all, " AND ");
            case Condition.Or(List<Condition> any) -> joined(any, " OR ");
            case Condition.Not(Condition inner) -> "(NOT " + clause(inner) + ")";
        };
    }

    private String joined(List<Condition> conditions, String operator) {
        return conditions.stream().map(this::clause).collect(Collectors.joining(operator, "(", ")"));
    }

    /** The update expression: {@code SET … REMOVE … ADD …}. */
    String update(Update update) {
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> add = new ArrayList<>();
        for (Update.Action action : update.actions()) {
            String name = name(action.attribute());
            switch (action) {
                case Update.SetValue(String attribute, Object value) ->
                        set.add(name + " = " + value(AttributeValues.value(value)));
                case Update.AppendToList(String attribute, List<String> list) -> set.add(name + " = list_append(if_not_exists("
                        + name + ", " + value(AttributeValue.fromL(List.of())) + "), " + value(AttributeValues.value(list)) + ")");
                case Update.RemoveAttribute(String attribute) -> remove.add(name);
                case Update.AddNumber(String attribute, long delta) ->
                        add.add(name + " " + value(AttributeValues.value(delta)));
            }
        }
        return (section("SET", set) + section("REMOVE", remove) + section("ADD", add)).trim();
    }

    private static String section(String keyword, List<String> clauses) {
        return clauses.isEmpty() ? "" : " " + keyword + " " + String.join(", ", clauses);
    }
}
