package com.medicarewizard.intake.patient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import com.medicarewizard.domain.patient.PhoneNumber;

import java.util.Set;

/**
 * A mobile number as a patient types it — with spaces, dots, dashes or brackets, {@code 00} for
 * {@code +}, or without a country code for an Italian number, since the center is in Italy — read
 * with libphonenumber (Google's metadata of every country's numbering plan) and kept in E.164.
 * Confirmations are texted, so a number that can only be a landline is refused.
 */
final class PhoneInput {
    /** Where a number written without a country code is from. */
    static final String DEFAULT_REGION = "IT";
    /** Longer than any number written with its spaces and punctuation. */
    static final int MAX_LENGTH = 32;
    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> TEXTABLE = Set.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private PhoneInput() {
    }

    /**
     * The number in E.164 form.
     *
     * @throws IllegalArgumentException saying what to change, when it is not a number, not a
     *                                  valid one, or not a mobile one
     */
    static PhoneNumber parse(String text) {
        Phonenumber.PhoneNumber number;
        try {
            number = NUMBERS.parse(text, DEFAULT_REGION);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("is not a phone number: write + and the country code, then the number,"
                    + " e.g. +39 347 123 4567");
        }
        if (!NUMBERS.isValidNumber(number)) {
            throw new IllegalArgumentException("is not a valid number for its country: check the digits and the"
                    + " country code, e.g. +39 347 123 4567");
        }
        if (!TEXTABLE.contains(NUMBERS.getNumberType(number))) {
            throw new IllegalArgumentException("is not a mobile number: confirmations are sent by text message");
        }
        return new PhoneNumber(NUMBERS.format(number, PhoneNumberFormat.E164));
    }
}
