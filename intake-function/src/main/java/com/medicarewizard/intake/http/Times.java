package com.medicarewizard.intake.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** ISO-8601 as the API speaks it: an instant shown with the offset its site's zone has then. */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Times() {
    }

    public static String iso(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant, zone).format(FORMAT);
    }

    /** A date-time that names its offset ({@code Z} or {@code +02:00}); a local time alone is ambiguous. */
    public static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
