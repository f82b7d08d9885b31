package com.medicarewizard.domain.patient;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(Set.of("passwordpassword"));

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThat(policy.problem("correct horse battery", "anna@example.org")).isEmpty();
    }

    @Test
    void refusesShortCommonRepetitiveSequentialAndEmailBasedPasswords() {
        assertThat(policy.problem("short-pw", "a@b.it")).hasValueSatisfying(p -> assertThat(p).contains("12"));
        assertThat(policy.problem("PasswordPassword", "a@b.it")).isPresent();
        assertThat(policy.problem("aaaaaaaaaaaaaa", "a@b.it")).isPresent();
        assertThat(policy.problem("123456789012", "a@b.it")).isPresent();
        assertThat(policy.problem("annarossi-2027!", "annarossi@example.org")).isPresent();
        assertThat(policy.problem("x".repeat(129), "a@b.it")).isPresent();
    }

    @Test
    void namesTheFirstRuleAPasswordBreaks() {
        assertThat(policy.weakness("short-pw", "a@b.it")).hasValue(PasswordPolicy.Weakness.TOO_SHORT);
        assertThat(policy.weakness("x".repeat(129), "a@b.it")).hasValue(PasswordPolicy.Weakness.TOO_LONG);
        assertThat(policy.weakness("PasswordPassword", "a@b.it")).hasValue(PasswordPolicy.Weakness.TOO_COMMON);
        assertThat(policy.weakness("annarossi-2027!", "annarossi@example.org"))
                .hasValue(PasswordPolicy.Weakness.CONTAINS_EMAIL);
        assertThat(policy.weakness("correct horse battery", "anna@example.org")).isEmpty();
        assertThat(PasswordPolicy.Weakness.TOO_SHORT.code()).isEqualTo("too-short");
    }
}
