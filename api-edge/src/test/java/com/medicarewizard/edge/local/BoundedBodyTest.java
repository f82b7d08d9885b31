package com.medicarewizard.edge.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBodyTest {
    private static final long LIMIT = 64 * 1024;

    private static byte[] bytes(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    @Test
    void noBodyIsEmpty() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), null, LIMIT)).isEmpty();
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), "0", LIMIT)).isEmpty();
    }

    @Test
    void aBodyIsReadWholeWithOrWithoutADeclaredLength() throws Exception {
        for (int length : new int[] {1, 2, 8 * 1024, 8 * 1024 + 1, 20_000, (int) LIMIT}) {
            byte[] body = bytes(length);
            assertThat(BoundedBody.read(new ByteArrayInputStream(body), String.valueOf(length), LIMIT)).as("declared %d", length)
                    .isEqualTo(body);
            assertThat(BoundedBody.read(new ByteArrayInputStream(body), null, LIMIT)).as("chunked %d", length).isEqualTo(body);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrNot() {
        byte[] over = bytes((int) LIMIT + 1);
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[0]), String.valueOf(LIMIT + 1), LIMIT))
                .as("declared: refused before a byte is read").isInstanceOf(BoundedBody.TooLargeException.class);
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(over), null, LIMIT))
                .isInstanceOf(BoundedBody.TooLargeException.class);
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(bytes(1)), null, 0))
                .isInstanceOf(BoundedBody.TooLargeException.class);
    }

    @Test
    void aMalformedLengthIsReadAsUndeclared() throws IOException, BoundedBody.TooLargeException {
        assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(10)), "ten", LIMIT)).isEqualTo(bytes(10));
    }
}
