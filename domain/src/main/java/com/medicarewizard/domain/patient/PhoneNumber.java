package com.medicarewizard.domain.patient;

import java.util.Objects;
import java.util.regex.Pattern;

/** A mobile number in E.164 form ({@code +} then up to 15 digits), where confirmations are texted. */
public record PhoneNumber(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        Objects.requireNonNull(value, "phone");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a phone number is in E.164 form, e.g. +393471234567");
        }
    }

    /** Only the last three digits, for showing the patient which number is on file. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(value.length() - 6) + value.substring(value.length() - 3);
    }
}
