package com.medicarewizard.domain.patient;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A patient's e-mail address, kept in lower case so that one address is one account. */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        Objects.requireNonNull(value, "e-mail");
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid e-mail address");
        }
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }
}
