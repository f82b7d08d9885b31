package com.medicarewizard.intake.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** ISO-8601 as the API speaks it: an instant shown with the offset its site's zone has then. */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    /**
     * ISO-8601 lets a year have a sign and up to nine digits ({@code +999999999-12-31}), which
     * {@code java.time} parses and then cannot move into a zone or a day later; the API speaks of
     * four-digit years only, so anything else is refused before it is parsed.
     */
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-.*", Pattern.DOTALL);

    private Times() {
    }

    public static String iso(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant, zone).format(FORMAT);
    }

    /** A date-time that names its offset ({@code Z} or {@code +02:00}); a local time alone is ambiguous. */
    public static Optional<Instant> parseInstant(String text) {
        return parse(text, t -> OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    }

    /** A day {@code YYYY-MM-DD}; empty for anything else, a day that does not exist included. */
    public static Optional<LocalDate> parseDate(String text) {
        return parse(text, LocalDate::parse);
    }

    private static <T> Optional<T> parse(String text, Function<String, T> parser) {
        if (!FOUR_DIGIT_YEAR.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
