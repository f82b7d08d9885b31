package com.medicarewizard.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connections kept per host: the functions' number unless the JVM was told one. */
class KeptConnectionsTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(KeptConnections.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KeptConnections.PROPERTY);
        } else {
            System.setProperty(KeptConnections.PROPERTY, before);
        }
    }

    @Test
    void keepsTheFunctionsNumberWhenNoneIsSet() {
        System.clearProperty(KeptConnections.PROPERTY);

        KeptConnections.ensure();

        assertThat(System.getProperty(KeptConnections.PROPERTY)).isEqualTo(String.valueOf(KeptConnections.PER_HOST));
    }

    @Test
    void leavesANumberTheJvmWasToldAlone() {
        System.setProperty(KeptConnections.PROPERTY, "7");

        KeptConnections.ensure();

        assertThat(System.getProperty(KeptConnections.PROPERTY)).isEqualTo("7");
    }
}
