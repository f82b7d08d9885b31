package com.medicarewizard.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ItemTest {

    private final Item item = Item.builder("p", "s")
            .put("name", "x").put("count", 3L).put("ok", true).put("tags", List.of("a", "b")).build();

    @Test
    void readsTypedAttributes() {
        assertThat(item.key()).isEqualTo(new Key("p", "s"));
        assertThat(item.string("name")).isEqualTo("x");
        assertThat(item.optString("name")).contains("x");
        assertThat(item.optString("missing")).isEmpty();
        assertThat(item.longValue("count")).isEqualTo(3L);
        assertThat(item.optLong("missing")).isEmpty();
        assertThat(item.bool("ok")).isTrue();
        assertThat(item.strings("tags")).containsExactly("a", "b");
        assertThat(item.attributes().keySet()).containsExactly("pk", "sk", "name", "count", "ok", "tags");
    }

    @Test
    void rejectsMissingOrMistypedAttributes() {
        assertThatThrownBy(() -> item.string("missing")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> item.string("count")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withAndWithoutReturnNewItems() {
        Item changed = item.with("count", 4L).without("ok");
        assertThat(changed.longValue("count")).isEqualTo(4L);
        assertThat(changed.has("ok")).isFalse();
        assertThat(item.longValue("count")).isEqualTo(3L);
        assertThat(item.without("missing")).isSameAs(item);
        assertThatThrownBy(() -> item.without("pk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutableEvenWhenBuiltFromMutableLists() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Item built = Item.builder("p", "s").put("tags", tags).build();
        tags.add("b");
        assertThat(built.strings("tags")).containsExactly("a");
        assertThatThrownBy(() -> built.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIgnoresAttributeOrder() {
        Item reordered = Item.of(Map.of("tags", List.of("a", "b"), "ok", true, "count", 3, "name", "x",
                "sk", "s", "pk", "p"));
        assertThat(reordered).isEqualTo(item).hasSameHashCodeAs(item);
    }

    @Test
    void rejectsInvalidKeysAndValues() {
        assertThatThrownBy(() -> new Key("", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Item.of(Map.of("pk", "p"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Item.of(Map.of("pk", 1L, "sk", "s"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Item.builder("p", "s").put("d", (Object) 1.5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Item.builder("p", "s").put("n", (Object) null))
                .isInstanceOf(NullPointerException.class);
    }
}
