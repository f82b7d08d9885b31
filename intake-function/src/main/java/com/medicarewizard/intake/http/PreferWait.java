package com.medicarewizard.intake.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=N}, N whole seconds): how long a
 * client is willing to wait for an answer that may change meanwhile. Preferences are hints: one the
 * server cannot read (a value that is not a whole number, a zero, a bare {@code wait}) is ignored
 * rather than refused, as RFC 7240 asks, and the request is answered at once as without it.
 */
public final class PreferWait {
    /** Header that carries the preference. */
    public static final String PREFER = "Prefer";
    /** Header that tells the client the preference was honoured, with the wait as applied. */
    public static final String APPLIED = "Preference-Applied";
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

    private PreferWait() {
    }

    /** The wait the request asks for, if it asks for one the server can read (more than zero seconds). */
    public static Optional<Duration> of(Request request) {
        Optional<Duration> found = Optional.empty();
        for (String header : request.headerValues(PREFER)) {
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0];
                int equals = token.indexOf('=');
                if (equals < 0 || !token.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("wait")) {
                    continue;
                }
                String value = unquoted(token.substring(equals + 1).strip());
                if (found.isEmpty() && SECONDS.matcher(value).matches() && Long.parseLong(value) > 0) {
                    found = Optional.of(Duration.ofSeconds(Long.parseLong(value)));
                }
            }
        }
        return found;
    }

    /** The {@code Preference-Applied} value for a wait of {@code applied}, in whole seconds. */
    public static String applied(Duration applied) {
        return "wait=" + applied.toSeconds();
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
