package com.medicarewizard.adapter.layout;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.ReservationId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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

    public static Instant instant(String text) {
        return Instant.parse(text);
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

    public static String patient(PatientId id) {
        return ItemLayout.PATIENT + "#" + id.value();
    }

    public static String email(EmailAddress address) {
        return ItemLayout.EMAIL + "#" + address.value();
    }

    public static String token(String tokenHash) {
        return ItemLayout.TOKEN + "#" + tokenHash;
    }

    public static String throttle(String subject) {
        return ItemLayout.THROTTLE + "#" + subject;
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
