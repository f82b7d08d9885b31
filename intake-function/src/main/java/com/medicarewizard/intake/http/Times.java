package com.medicarewizard.intake.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** ISO-8601 as the API speaks it: an instant shown with the offset its site's zone has then. */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST_FOUR_DIGIT_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_FOUR_DIGIT_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    /**
     * ISO-8601 lets a year have a sign and up to nine digits ({@code +999999999-12-31}), which
     * {@code java.time} parses and then cannot move into a zone or a day later; the API speaks of
     * four-digit years only, so anything else is refused before it is parsed.
     */
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-.*", Pattern.DOTALL);

    private Times() {
    }

    /**
     * {@code instant} as {@code uuuu-MM-dd'T'HH:mm:ssXXX} in {@code zone} ({@code 2027-03-28T03:00:00+02:00},
     * {@code Z} for a zero offset). Written digit by digit for the years 0000–9999: an availability
     * answer holds hundreds of times, and {@link DateTimeFormatter} built each through a print
     * context, an {@code OffsetDateTime} and a {@code LocalDateTime} (a tenth of the intake's
     * allocations under load); any other year goes through the formatter.
     */
    public static String iso(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        long localSeconds = instant.getEpochSecond() + offset.getTotalSeconds();
        long day = Math.floorDiv(localSeconds, SECONDS_PER_DAY);
        if (day < FIRST_FOUR_DIGIT_DAY || day > LAST_FOUR_DIGIT_DAY) {
            return OffsetDateTime.ofInstant(instant, zone).format(FORMAT);
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        int secondOfDay = (int) Math.floorMod(localSeconds, SECONDS_PER_DAY);
        char[] out = new char[25];
        int at = digits(out, 0, date.getYear(), 4);
        out[at++] = '-';
        at = digits(out, at, date.getMonthValue(), 2);
        out[at++] = '-';
        at = digits(out, at, date.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = digits(out, at, secondOfDay / 3600, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay % 60, 2);
        int total = offset.getTotalSeconds();
        if (total / 60 == 0) {
            // XXX writes Z when the offset has no whole minute, as it drops the seconds
            out[at++] = 'Z';
            return new String(out, 0, at);
        }
        out[at++] = total < 0 ? '-' : '+';
        int absolute = Math.abs(total);
        at = digits(out, at, absolute / 3600, 2);
        out[at++] = ':';
        // XXX writes hours and minutes only, an offset's seconds (a zone's local mean time before 1900) dropped
        at = digits(out, at, absolute / 60 % 60, 2);
        return new String(out, 0, at);
    }

    /** Writes {@code value} as {@code width} decimal digits (zero-padded) at {@code at}; returns the index after them. */
    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
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
