package com.medicarewizard.intake.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers as patients type them: the page's own hint first. */
class PhoneInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"+39 347 123 4567", "+393471234567", "347 123 4567", "3471234567", "0039 347 1234567",
        "+39 (347) 123-4567", "+39.347.123.4567", " +39 347 123 4567 "})
    void anItalianMobileWrittenAnyUsualWayIsKeptInE164(String typed) {
        assertThat(PhoneInput.parse(typed).value()).isEqualTo("+393471234567");
    }

    @ParameterizedTest
    @CsvSource({"+44 7911 123456, +447911123456", "+49 151 23456789, +4915123456789",
        "+33 6 12 34 56 78, +33612345678", "0044 7911 123456, +447911123456"})
    void aMobileOfAnotherCountryIsReadWithItsCountryCode(String typed, String e164) {
        assertThat(PhoneInput.parse(typed).value()).isEqualTo(e164);
    }

    @Test
    void withoutItsCountryCodeAForeignMobileIsReadAsItalianAndRefused() {
        assertThatThrownBy(() -> PhoneInput.parse("07911 123456")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 1234 5678", "+39 06 1234 5678", "+44 20 7946 0958"})
    void aLandlineIsRefusedAsConfirmationsAreTexted(String typed) {
        assertThatThrownBy(() -> PhoneInput.parse(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mobile number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+39 347", "+39 347 123 4567 8901 23", "+1 555 0100"})
    void aNumberTooShortOrTooLongForItsCountryIsRefused(String typed) {
        assertThatThrownBy(() -> PhoneInput.parse(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "", "+", "+999 347 123 4567"})
    void whatIsNotANumberOfAnyCountryIsRefusedWithAnExample(String typed) {
        assertThatThrownBy(() -> PhoneInput.parse(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. +39 347 123 4567");
    }
}
