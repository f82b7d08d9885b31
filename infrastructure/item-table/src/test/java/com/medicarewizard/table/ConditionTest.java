package com.medicarewizard.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private final Optional<Item> present = Optional.of(Item.builder("p", "s")
            .put("state", "HELD").put("version", 2L).put("ok", true).put("tags", List.of("a")).build());
    private final Optional<Item> absent = Optional.empty();

    @Test
    void alwaysHolds() {
        assertThat(Condition.always().test(present)).isTrue();
        assertThat(Condition.always().test(absent)).isTrue();
    }

    @Test
    void absentHoldsOnlyWithoutItem() {
        assertThat(Condition.absent().test(absent)).isTrue();
        assertThat(Condition.absent().test(present)).isFalse();
    }

    @Test
    void presentHoldsOnlyWithItem() {
        assertThat(Condition.present().test(present)).isTrue();
        assertThat(Condition.present().test(absent)).isFalse();
    }

    @Test
    void attributeExistenceLooksAtOneAttribute() {
        assertThat(Condition.attributeExists("state").test(present)).isTrue();
        assertThat(Condition.attributeExists("other").test(present)).isFalse();
        assertThat(Condition.attributeNotExists("other").test(present)).isTrue();
        assertThat(Condition.attributeNotExists("other").test(absent)).isTrue();
    }

    @Test
    void equalsComparesTypedValues() {
        assertThat(Condition.equals("state", "HELD").test(present)).isTrue();
        assertThat(Condition.equals("state", "FREE").test(present)).isFalse();
        assertThat(Condition.equals("version", 2L).test(present)).isTrue();
        assertThat(Condition.equals("version", "2").test(present)).isFalse();
        assertThat(Condition.equals("ok", true).test(present)).isTrue();
        assertThat(Condition.equals("tags", List.of("a")).test(present)).isTrue();
    }

    @Test
    void equalsIsFalseOnMissingAttributeOrItemAndNotInvertsIt() {
        assertThat(Condition.equals("other", "x").test(present)).isFalse();
        assertThat(Condition.equals("state", "HELD").test(absent)).isFalse();
        assertThat(Condition.not(Condition.equals("state", "HELD")).test(absent)).isTrue();
        assertThat(Condition.not(Condition.equals("state", "HELD")).test(present)).isFalse();
    }

    @Test
    void absentOrHoldsOnAbsentItemOrWhenItsConditionHolds() {
        Condition sameOwner = Condition.absentOr(Condition.equals("state", "HELD"));
        assertThat(sameOwner.test(absent)).isTrue();
        assertThat(sameOwner.test(present)).isTrue();
        assertThat(Condition.absentOr(Condition.equals("state", "FREE")).test(present)).isFalse();
    }

    @Test
    void andAndOrCombine() {
        Condition held = Condition.equals("state", "HELD");
        Condition v3 = Condition.equals("version", 3L);
        assertThat(Condition.and(held, Condition.present()).test(present)).isTrue();
        assertThat(Condition.and(held, v3).test(present)).isFalse();
        assertThat(Condition.or(held, v3).test(present)).isTrue();
        assertThat(Condition.or(v3, Condition.absent()).test(present)).isFalse();
    }
}
