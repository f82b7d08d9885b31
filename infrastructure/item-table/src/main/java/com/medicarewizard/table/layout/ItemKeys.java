package com.medicarewizard.table.layout;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.ReservationId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** The partition keys and the instant encoding of {@link ItemLayout}. */
public final class ItemKeys {

    /**
     * Always nine fraction digits: {@link Instant#toString()} drops trailing zeros, and then
     * {@code 10:00:00Z} would sort after {@code 10:00:00.5Z} ('Z' is above '.').
     */
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ItemKeys() {
    }

    /** An instant as a fixed-width ISO-8601 UTC string (years 0000–9999), whose string order is time order. */
    public static String instant(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    /**
     * Reads an instant written by {@link #instant(Instant)}. Claims are read by the thousand for
     * one availability answer, and {@link Instant#parse} (a general formatter) dominated that read,
     * so the fixed-width form is decoded by position; anything else goes to {@link Instant#parse}.
     */
    public static Instant instant(String text) {
        if (text.length() != FIXED_WIDTH_LENGTH || !fixedWidthShape(text)) {
            return Instant.parse(text);
        }
        return Instant.ofEpochSecond(epochSecond(text), digits(text, 20, 29));
    }

    /** The whole seconds of {@link #instant(String)}, without making an {@link Instant}. */
    public static long epochSecond(String text) {
        if (text.length() != FIXED_WIDTH_LENGTH || !fixedWidthShape(text)) {
            return Instant.parse(text).getEpochSecond();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return Instant.parse(text).getEpochSecond();
        }
        long epochDay = epochDay(year, month, day);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text).getEpochSecond();
        }
        return epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
    }

    private static final int FIXED_WIDTH_LENGTH = "0000-00-00T00:00:00.000000000Z".length();

    /**
     * The separators of the fixed-width form at their places and digits everywhere else. Written
     * as straight-line checks: a {@code switch} on the position in a loop over the 30 characters
     * was most of the cost of reading a month of claims (a branch the CPU mispredicted per
     * character, about 100 ns a key).
     */
    private static boolean fixedWidthShape(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(29) == 'Z'
                && allDigits(text, 0, 4) && allDigits(text, 5, 7) && allDigits(text, 8, 10)
                && allDigits(text, 11, 13) && allDigits(text, 14, 16) && allDigits(text, 17, 19)
                && allDigits(text, 20, 29);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    public static String reservation(ReservationId id) {
        return ItemLayout.RESERVATION + "#" + id.value();
    }

    /** Hashed so that a client's key (any text, any length) makes a short key that reveals nothing. */
    public static String idempotency(PatientId patient, String idempotencyKey) {
        return ItemLayout.IDEMPOTENCY + "#" + patient.value() + "#" + sha256(idempotencyKey);
    }

    public static String claim(ResourceId resource) {
        return ItemLayout.CLAIM + "#" + resource.value();
    }

    /** The sort key of a claim: its cell's start. */
    public static String claimSort(Cell cell) {
        return instant(cell.start());
    }

    /** The partition of a resource's taken-cells summary: one item per UTC day. */
    public static String taken(ResourceId resource) {
        return ItemLayout.TAKEN + "#" + resource.value();
    }

    /** The sort key of the summary item holding the cell that starts at {@code start}: its UTC day. */
    public static String takenDay(Instant start) {
        return LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
    }

    /**
     * The attribute of the cell starting at {@code start} in its day's summary item: {@code c} and the
     * start's UTC hour and minute ({@code c0930}). One attribute per cell, so that a change of one cell is
     * one SET or REMOVE of its own attribute, which commutes with the changes of every other cell.
     */
    public static String takenCell(Instant start) {
        long secondOfDay = Math.floorMod(start.getEpochSecond(), 86_400L);
        return "c%02d%02d".formatted(secondOfDay / 3_600, secondOfDay % 3_600 / 60);
    }

    /** The start, in epoch seconds, of a summary item's UTC day (its sort key, {@link #takenDay}). */
    public static long takenDayStart(String day) {
        return LocalDate.parse(day).toEpochDay() * 86_400;
    }

    /**
     * The seconds into its day of the cell a summary attribute names ({@link #takenCell}); -1 for any other
     * attribute. Decoded by position: a month view decodes thousands.
     */
    public static int takenCellSecondOfDay(String attribute) {
        if (attribute.length() != 5 || attribute.charAt(0) != 'c' || !allDigits(attribute, 1, 5)) {
            return -1;
        }
        return digits(attribute, 1, 3) * 3_600 + digits(attribute, 3, 5) * 60;
    }

    public static String patient(PatientId id) {
        return ItemLayout.PATIENT + "#" + id.value();
    }

    public static String email(EmailAddress address) {
        return ItemLayout.EMAIL + "#" + address.value();
    }

    public static String token(String tokenHash) {
        return ItemLayout.TOKEN + "#" + tokenHash;
    }

    public static String reset(PatientId patient) {
        return ItemLayout.RESET + "#" + patient.value();
    }

    public static String limit(String subject) {
        return ItemLayout.LIMIT + "#" + subject;
    }

    public static String notification(ReservationId id) {
        return ItemLayout.NOTIFICATION + "#" + id.value();
    }

    /** The partition of the front desk's marks on a reservation. */
    public static String desk(ReservationId id) {
        return ItemLayout.DESK + "#" + id.value();
    }

    public static String failure(String messageId) {
        return ItemLayout.FAILURE + "#" + messageId;
    }

    /** Hashed, as idempotency keys are: the subject names a recipient by channel and address, which no key may show. */
    public static String quota(String subject) {
        return ItemLayout.QUOTA + "#" + sha256(subject);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
