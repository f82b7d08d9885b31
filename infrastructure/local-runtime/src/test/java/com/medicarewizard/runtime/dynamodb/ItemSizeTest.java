package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.table.Item;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of "DynamoDB item sizes and formats" (CapacityUnitCalculations.html), one a test: an
 * item is the sum of its attribute names' UTF-8 bytes and its values' sizes.
 */
class ItemSizeTest {

    private static int attribute(String name, Object value) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(name, value);
        return ItemSize.of(attributes);
    }

    @Test
    void aStringIsItsNameAndItsUtf8Bytes() {
        assertThat(attribute("a", "abc")).isEqualTo(1 + 3);
        assertThat(attribute("città", "è")).isEqualTo(6 + 2);
        assertThat(attribute("n", "日本")).isEqualTo(1 + 6);
        assertThat(attribute("n", "😀")).isEqualTo(1 + 4);
        assertThat(attribute("n", "")).isEqualTo(1);
        String mixed = "Ünïcødé 日本 😀 ascii \uD800 lone";
        assertThat(ItemSize.utf8(mixed)).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aNumberIsOneBytePerTwoSignificantDigitsPlusOne() {
        assertThat(ItemSize.value(7L)).isEqualTo(2);
        assertThat(ItemSize.value(12L)).isEqualTo(2);
        assertThat(ItemSize.value(123L)).as("odd digit counts round up").isEqualTo(3);
        assertThat(ItemSize.value(1234L)).isEqualTo(3);
        assertThat(ItemSize.value(1_700_000_000_123L)).isEqualTo(8);
        assertThat(ItemSize.value(new BigDecimal("123.45"))).isEqualTo(4);
        assertThat(ItemSize.value(new BigDecimal("1" + "0".repeat(37)).subtract(BigDecimal.ONE)))
                .as("38 significant digits, the most a number has").isEqualTo(20);
    }

    @Test
    void leadingAndTrailingZeroesOfANumberAreTrimmed() {
        assertThat(ItemSize.value(1000L)).isEqualTo(ItemSize.value(1L)).isEqualTo(2);
        assertThat(ItemSize.value(new BigDecimal("0.0010"))).isEqualTo(2);
        assertThat(ItemSize.value(new BigDecimal("00120.500"))).as("1205").isEqualTo(3);
        assertThat(ItemSize.value(0L)).as("no significant digit").isEqualTo(1);
        assertThat(ItemSize.value(-7L)).as("the sign is not in the documented rule").isEqualTo(2);
    }

    @Test
    void aBooleanOrANullIsOneByte() {
        assertThat(attribute("flag", true)).isEqualTo(4 + 1);
        assertThat(attribute("none", null)).isEqualTo(4 + 1);
    }

    @Test
    void aBinaryIsItsRawBytesNotItsBase64() {
        byte[] raw = new byte[5];
        Arrays.fill(raw, (byte) 0xFF);
        assertThat(attribute("b", raw)).isEqualTo(1 + 5);
    }

    @Test
    void aListOrMapIsThreeBytesAndOneBytePerElementPlusTheElements() {
        assertThat(attribute("l", List.of())).isEqualTo(1 + 3);
        assertThat(attribute("m", Map.of())).isEqualTo(1 + 3);
        assertThat(attribute("l", List.of("a", "bc"))).isEqualTo(1 + 3 + (1 + 1) + (1 + 2));
        assertThat(attribute("m", Map.of("x", "yz"))).isEqualTo(1 + 3 + (1 + 1 + 2));
        assertThat(attribute("m", Map.of("x", List.of(true)))).as("nested").isEqualTo(1 + 3 + (1 + 1 + (3 + 1 + 1)));
    }

    @Test
    void aSetIsTheSumOfItsElements() {
        assertThat(attribute("ss", Set.of("a", "bc"))).isEqualTo(2 + 3);
        assertThat(attribute("ns", Set.of(1L, 1234L))).isEqualTo(2 + 2 + 3);
    }

    @Test
    void anItemOfTheTableIsTheSumOfItsAttributes() {
        Item item = Item.builder("A", "1").put("owner", "ann").put("n", 42L).put("flag", true)
                .put("tags", List.of("x")).build();

        assertThat(ItemSize.of(item)).isEqualTo((2 + 1) + (2 + 1) + (5 + 3) + (1 + 2) + (4 + 1) + (4 + 3 + 1 + 1));
        assertThat(ItemSize.of(item)).as("as the table measures it for its 400 KB limit").isEqualTo(item.sizeBytes());
    }
}
