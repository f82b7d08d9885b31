package com.medicarewizard.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Update;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table's conditions and updates in DynamoDB's expression language, every name and value behind a placeholder. */
class ExpressionsTest {

    private final Expressions expressions = new Expressions();

    @Test
    void alwaysIsNoCondition() {
        assertThat(expressions.condition(Condition.always())).isNull();
        assertThat(expressions.names()).isNull();
    }

    @Test
    void nestsConditionsWithParenthesesAndSharesANamePlaceholderPerAttribute() {
        Condition notSent = Condition.absentOr(Condition.not(Condition.equals("state", "SENT")));

        assertThat(expressions.condition(notSent)).isEqualTo("(attribute_not_exists(#n0) OR (NOT #n1 = :v0))");
        assertThat(expressions.names()).isEqualTo(Map.of("#n0", "pk", "#n1", "state"));
        assertThat(expressions.values()).isEqualTo(Map.of(":v0", AttributeValue.fromS("SENT")));
    }

    @Test
    void comparesNumbersAndListsAsTheirDynamoDbTypes() {
        Condition condition = Condition.and(Condition.equals("version", 3L), Condition.equals("failures", List.of("a")));

        assertThat(expressions.condition(condition)).isEqualTo("(#n0 = :v0 AND #n1 = :v1)");
        assertThat(expressions.values()).containsEntry(":v0", AttributeValue.fromN("3"))
                .containsEntry(":v1", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))));
    }

    @Test
    void groupsUpdateActionsBySetRemoveAndAdd() {
        Update update = new Update(List.of(new Update.AppendToList("failures", List.of("t1")),
                new Update.RemoveAttribute("due"), new Update.AddNumber("attempts", 1),
                new Update.SetValue("type", "THROTTLE")));

        assertThat(expressions.update(update)).isEqualTo(
                "SET #n0 = list_append(if_not_exists(#n0, :v0), :v1), #n3 = :v3 REMOVE #n1 ADD #n2 :v2");
        assertThat(expressions.values()).containsEntry(":v0", AttributeValue.fromL(List.of()))
                .containsEntry(":v2", AttributeValue.fromN("1"));
    }

    @Test
    void refusesAlwaysInsideAnotherCondition() {
        assertThatThrownBy(() -> expressions.condition(Condition.not(Condition.always())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
