package com.medicarewizard.domain.patient;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A patient's e-mail address: an RFC 5321 mailbox whose local part is a dot-string (atoms of
 * {@code atext} joined by single dots, at most 64 characters) and whose domain is a host name of
 * at least two labels (letters, digits and inner hyphens, at most 63 each), 254 characters in all.
 * Quoted local parts, address literals and non-ASCII addresses are refused: no patient needs them,
 * and each is a way to spell one mailbox several ways.
 *
 * <p>The value is canonical — surrounding spaces removed, lower case — so that one address is one
 * account, and everything keyed by an address (the account, the log-in throttle) uses this one
 * form. Control characters anywhere are refused rather than removed, so no two spellings of a
 * mailbox reach different keys.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern MAILBOX = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

    public EmailAddress {
        Objects.requireNonNull(value, "e-mail");
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a valid e-mail address");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH || !MAILBOX.matcher(value).matches()
                || value.indexOf('@') > MAX_LOCAL_PART) {
            throw new IllegalArgumentException("not a valid e-mail address");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    /** As staff and operators see it unless they open the patient: {@code maria.rossi@example.org} → {@code m***@example.org}. */
    public String masked() {
        return value.charAt(0) + "***" + value.substring(value.indexOf('@'));
    }
}
