package com.medicarewizard.intake.patient;

import com.medicarewizard.domain.patient.PasswordPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTest {

    @Test
    void shipsAListOfLongCommonPasswords() {
        var common = CommonPasswords.load();

        assertThat(common).hasSizeBetween(100, 300)
                .contains("passwordpassword", "123456789012", "qwertyuiopasdfgh")
                .allSatisfy(p -> assertThat(p.length()).isGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH))
                .noneMatch(p -> p.startsWith("#"));
    }
}
