package com.medicarewizard.runtime.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.Update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the expressions of one request — condition, update, key condition, projection — with its
 * {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, into the item table's
 * own {@link Condition}, {@link Update} and {@link SortRange}, which the embedded table evaluates.
 *
 * <p>It reads exactly the grammar the DynamoDB adapters' expression writer emits (every name and
 * value behind a placeholder): {@code attribute_exists(#n)}, {@code attribute_not_exists(#n)},
 * {@code #n = :v}, {@code size(#n) = :v}, {@code AND}, {@code OR}, {@code NOT} and parentheses;
 * {@code SET #n = :v}, {@code SET #n = list_append(if_not_exists(#n, :empty), :v)},
 * {@code REMOVE #n}, {@code ADD #n :v}; {@code #pk = :v} optionally {@code AND} a sort condition
 * ({@code =}, {@code <=}, {@code BETWEEN}, {@code begins_with}); a projection of names. Anything
 * else is refused with a ValidationException naming what was not understood — never evaluated as
 * something else. As DynamoDB does, it refuses placeholders that are used but not defined, and
 * defined but not used.
 */
final class Expressions {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    Expressions(JsonNode request) {
        JsonNode namesNode = request.get("ExpressionAttributeNames");
        if (namesNode != null && !namesNode.isNull()) {
            if (namesNode.isEmpty()) {
                throw WireError.validation("ExpressionAttributeNames must not be empty");
            }
            namesNode.properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode valuesNode = request.get("ExpressionAttributeValues");
        if (valuesNode != null && !valuesNode.isNull()) {
            if (valuesNode.isEmpty()) {
                throw WireError.validation("ExpressionAttributeValues must not be empty");
            }
            valuesNode.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        }
    }

    /** The condition, {@link Condition#always()} when there is none. */
    Condition condition(String expression) {
        if (expression == null) {
            return Condition.always();
        }
        Parser p = new Parser(expression);
        Condition condition = p.or();
        p.end();
        return condition;
    }

    Update update(String expression) {
        if (expression == null) {
            throw WireError.validation("This endpoint needs an UpdateExpression (AttributeUpdates is not served)");
        }
        Parser p = new Parser(expression);
        List<Update.Action> actions = new ArrayList<>();
        Set<String> sections = new TreeSet<>();
        while (!p.atEnd()) {
            String section = p.word().toUpperCase();
            if (!sections.add(section)) {
                throw WireError.validation("Invalid UpdateExpression: The \"" + section
                        + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(switch (section) {
                    case "SET" -> p.setAction();
                    case "REMOVE" -> new Update.RemoveAttribute(p.name());
                    case "ADD" -> {
                        String name = p.name();
                        if (!(p.value() instanceof Long delta)) {
                            throw WireError.validation("This endpoint ADDs numbers only (attribute " + name + ")");
                        }
                        yield new Update.AddNumber(name, delta);
                    }
                    default -> throw p.unexpected("SET, REMOVE or ADD");
                });
            } while (p.accept(","));
        }
        if (actions.isEmpty()) {
            throw WireError.validation("Invalid UpdateExpression: The expression can not be empty;");
        }
        try {
            return new Update(actions);
        } catch (IllegalArgumentException e) {
            throw WireError.validation("Invalid UpdateExpression: " + e.getMessage());
        }
    }

    /** A key condition: the partition value, and the sort range. */
    record KeyCondition(String partition, SortRange range) {
    }

    KeyCondition keyCondition(String expression, String partitionAttribute, String sortAttribute) {
        if (expression == null) {
            throw WireError.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified"
                    + " in the request.");
        }
        Parser p = new Parser(expression);
        if (!partitionAttribute.equals(p.name())) {
            throw WireError.validation("Query condition missed key schema element: " + partitionAttribute
                    + " (this endpoint wants the partition key's condition first)");
        }
        p.expect("=");
        if (!(p.value() instanceof String partition)) {
            throw WireError.validation("One or more parameter values were invalid: Condition parameter type does not"
                    + " match schema type");
        }
        SortRange range = SortRange.all();
        if (p.acceptWord("AND")) {
            range = p.sortCondition(sortAttribute);
        }
        p.end();
        return new KeyCondition(partition, range);
    }

    /** The attribute names of a projection, empty for none (every attribute). */
    Set<String> projection(String expression) {
        if (expression == null) {
            return Set.of();
        }
        Parser p = new Parser(expression);
        Set<String> projected = new LinkedHashSet<>();
        do {
            projected.add(p.name());
        } while (p.accept(","));
        p.end();
        return projected;
    }

    /** Refuses what was defined and not used, as DynamoDB does; call once every expression is read. */
    void requireAllUsed() {
        unused(names.keySet(), "ExpressionAttributeNames");
        unused(values.keySet(), "ExpressionAttributeValues");
    }

    private void unused(Set<String> defined, String parameter) {
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw WireError.validation("Value provided in " + parameter + " unused in expressions: keys: {"
                    + String.join(", ", unused) + "}");
        }
    }

    /** A recursive-descent reader of one expression. */
    private final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Condition or() {
            List<Condition> any = new ArrayList<>(List.of(and()));
            while (acceptWord("OR")) {
                any.add(and());
            }
            return any.size() == 1 ? any.getFirst() : Condition.or(any.getFirst(), rest(any));
        }

        private Condition and() {
            List<Condition> all = new ArrayList<>(List.of(not()));
            while (acceptWord("AND")) {
                all.add(not());
            }
            return all.size() == 1 ? all.getFirst() : Condition.and(all.getFirst(), rest(all));
        }

        private Condition[] rest(List<Condition> conditions) {
            return conditions.subList(1, conditions.size()).toArray(Condition[]::new);
        }

        private Condition not() {
            if (acceptWord("NOT")) {
                return Condition.not(not());
            }
            return primary();
        }

        private Condition primary() {
            if (accept("(")) {
                Condition inner = or();
                expect(")");
                return inner;
            }
            if (acceptFunction("attribute_exists")) {
                String name = name();
                expect(")");
                return Condition.attributeExists(name);
            }
            if (acceptFunction("attribute_not_exists")) {
                String name = name();
                expect(")");
                return Condition.attributeNotExists(name);
            }
            if (acceptFunction("size")) {
                String name = name();
                expect(")");
                expect("=");
                if (!(value() instanceof Long size)) {
                    throw WireError.validation("Invalid ConditionExpression: size() compares with a number");
                }
                return Condition.sizeEquals(name, size);
            }
            String name = name();
            expect("=");
            return new Condition.Equals(name, value());
        }

        Update.Action setAction() {
            String name = name();
            expect("=");
            if (!acceptFunction("list_append")) {
                return new Update.SetValue(name, value());
            }
            if (!acceptFunction("if_not_exists") || !name.equals(name())) {
                throw unexpected("list_append(if_not_exists(<the same attribute>, :empty list), :values)");
            }
            expect(",");
            if (!(value() instanceof List<?> empty) || !empty.isEmpty()) {
                throw WireError.validation("This endpoint appends to a list whose default is the empty list only");
            }
            expect(")");
            expect(",");
            Object appended = value();
            expect(")");
            if (!(appended instanceof List<?> list)) {
                throw WireError.validation("An operand in the update expression has an incorrect data type");
            }
            return new Update.AppendToList(name, list.stream().map(String.class::cast).toList());
        }

        SortRange sortCondition(String sortAttribute) {
            if (acceptFunction("begins_with")) {
                requireSort(sortAttribute);
                expect(",");
                String prefix = stringValue();
                expect(")");
                return SortRange.beginsWith(prefix);
            }
            requireSort(sortAttribute);
            if (acceptWord("BETWEEN")) {
                String from = stringValue();
                if (!acceptWord("AND")) {
                    throw unexpected("AND");
                }
                String to = stringValue();
                try {
                    return SortRange.between(from, to);
                } catch (IllegalArgumentException e) {
                    throw WireError.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper "
                            + "bound to be greater than or equal to lower bound; lower bound operand: " + from
                            + ", upper bound operand: " + to);
                }
            }
            if (accept("<=")) {
                return SortRange.between("", stringValue());
            }
            if (accept("=")) {
                String value = stringValue();
                return SortRange.between(value, value);
            }
            throw unexpected("=, <=, BETWEEN or begins_with (the sort conditions this endpoint serves)");
        }

        private void requireSort(String sortAttribute) {
            if (!sortAttribute.equals(name())) {
                throw WireError.validation("Query key condition not supported: the sort condition must be on "
                        + sortAttribute);
            }
        }

        private String stringValue() {
            if (!(value() instanceof String s)) {
                throw WireError.validation("One or more parameter values were invalid: Condition parameter type does "
                        + "not match schema type");
            }
            return s;
        }

        String name() {
            skipSpace();
            int start = at;
            if (!accept("#")) {
                throw unexpected("an attribute name placeholder (#name)");
            }
            String placeholder = "#" + identifier(start);
            String name = names.get(placeholder);
            if (name == null) {
                throw WireError.validation("Value provided in ExpressionAttributeNames unused in expressions: An "
                        + "expression attribute name used in the document path is not defined; attribute name: "
                        + placeholder);
            }
            used.add(placeholder);
            return name;
        }

        Object value() {
            skipSpace();
            int start = at;
            if (!accept(":")) {
                throw unexpected("a value placeholder (:value)");
            }
            String placeholder = ":" + identifier(start);
            JsonNode value = values.get(placeholder);
            if (value == null) {
                throw WireError.validation("An expression attribute value used in expression is not defined; "
                        + "attribute value: " + placeholder);
            }
            used.add(placeholder);
            return WireValues.value(placeholder, value);
        }

        private String identifier(int start) {
            int from = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (at == from) {
                throw unexpectedAt(start, "a placeholder name");
            }
            return text.substring(from, at);
        }

        String word() {
            skipSpace();
            int from = at;
            while (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (at == from) {
                throw unexpected("a keyword");
            }
            return text.substring(from, at);
        }

        boolean acceptWord(String keyword) {
            skipSpace();
            int end = at + keyword.length();
            if (text.regionMatches(true, at, keyword, 0, keyword.length())
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
                at = end;
                return true;
            }
            return false;
        }

        private boolean acceptFunction(String function) {
            skipSpace();
            int save = at;
            if (text.startsWith(function, at)) {
                at += function.length();
                if (accept("(")) {
                    return true;
                }
            }
            at = save;
            return false;
        }

        boolean accept(String token) {
            skipSpace();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!accept(token)) {
                throw unexpected("'" + token + "'");
            }
        }

        boolean atEnd() {
            skipSpace();
            return at == text.length();
        }

        void end() {
            if (!atEnd()) {
                throw unexpected("the end of the expression");
            }
        }

        WireError unexpected(String expected) {
            skipSpace();
            return unexpectedAt(at, expected);
        }

        private WireError unexpectedAt(int position, String expected) {
            return WireError.validation("Invalid expression \"" + text + "\": expected " + expected + " at character "
                    + position + " (this endpoint reads the expressions the DynamoDB adapters write)");
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
