package com.medicarewizard.notifier;

import static com.medicarewizard.table.layout.ItemLayout.RESERVATION;
import static com.medicarewizard.table.layout.ItemLayout.STATUS;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.ReservationRecords;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads reservation items of the single-table layout ({@link com.medicarewizard.table.layout.ItemLayout})
 * from stream images in DynamoDB's attribute-value shape: the image becomes an {@link Item}, mapped
 * by {@link ReservationRecords}, the one mapping the table adapters use too.
 */
final class StreamImages {

    private StreamImages() {
    }

    /** Whether the image is a reservation item (other items of the table are not outcomes). */
    static boolean isReservation(Map<String, AttributeValue> image) {
        return image != null && image.containsKey(TYPE) && RESERVATION.equals(image.get(TYPE).getS());
    }

    static ReservationStatus status(Map<String, AttributeValue> image) {
        AttributeValue status = image.get(STATUS);
        if (status == null || status.getS() == null) {
            throw new IllegalArgumentException("no string attribute " + STATUS);
        }
        return ReservationStatus.valueOf(status.getS());
    }

    /** @throws IllegalArgumentException when the image is not a well-formed reservation */
    static Reservation reservation(Map<String, AttributeValue> image) {
        try {
            return ReservationRecords.reservation(item(image));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a well-formed reservation image: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The image as an item: S, N (whole numbers), BOOL and lists of S, the types the layout uses. */
    static Item item(Map<String, AttributeValue> image) {
        Map<String, Object> plain = new LinkedHashMap<>();
        image.forEach((name, value) -> plain.put(name, plain(name, value)));
        return Item.of(plain);
    }

    private static Object plain(String name, AttributeValue value) {
        if (value.getS() != null) {
            return value.getS();
        }
        if (value.getN() != null) {
            return Long.parseLong(value.getN());
        }
        if (value.getBOOL() != null) {
            return value.getBOOL();
        }
        if (value.getL() != null) {
            List<String> strings = value.getL().stream().map(AttributeValue::getS).toList();
            if (strings.contains(null)) {
                throw new IllegalArgumentException("attribute " + name + " is not a list of strings");
            }
            return strings;
        }
        throw new IllegalArgumentException("attribute " + name + " has an unexpected type");
    }

    static Instant instant(String fixedWidth) {
        return ItemKeys.instant(fixedWidth);
    }
}
