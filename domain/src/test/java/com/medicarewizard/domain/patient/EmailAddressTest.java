package com.medicarewizard.domain.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"anna@example.org", "anna.rossi+mri@mail.example.it", "o'brien@example.ie",
            "x@a-b.example", "1234567890@example.org", "a!#$%&*/=?^_`{|}~-@example.org"})
    void acceptsDotStringMailboxes(String address) {
        assertThat(new EmailAddress(address).value()).isEqualTo(address.toLowerCase());
    }

    @Test
    void keepsOneCanonicalFormWithoutSurroundingSpacesInLowerCase() {
        assertThat(new EmailAddress("  Anna.Rossi@Example.ORG ").value()).isEqualTo("anna.rossi@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>@example.test", "anna,bruno@example.org", "anna@example.org,bruno@example.org",
            "\u0003alice@example.org", "alice@example.org\u0000", "ali\u001fce@example.org", "ali\u007fce@example.org",
            "\u0085alice@example.org", "\"quoted\"@example.org", "anna@[192.0.2.1]", "anna..rossi@example.org",
            ".anna@example.org", "anna.@example.org", "anna rossi@example.org", "anna@example", "anna@-example.org",
            "anna@example-.org", "anna@exa_mple.org", "ànna@example.org", "anna@exämple.org", "\u212Aelvin@example.org",
            "anna@@example.org", "@example.org", "anna@", "anna(comment)@example.org", "anna;x@example.org"})
    void refusesWhatIsNotAnRfc5321DotStringMailbox(String address) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(address));
    }

    @Test
    void refusesALocalPartOver64AndAnAddressOver254Characters() {
        assertThat(new EmailAddress("a".repeat(64) + "@example.org").localPart()).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a".repeat(65) + "@example.org"));
        String domain = ("d".repeat(60) + ".").repeat(4) + "org";
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a".repeat(10) + "@" + domain));
    }
}
