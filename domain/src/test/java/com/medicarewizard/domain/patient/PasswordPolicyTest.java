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
}
