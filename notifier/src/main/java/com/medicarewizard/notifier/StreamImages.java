package com.medicarewizard.notifier;

import static com.medicarewizard.adapter.layout.ItemLayout.CANCELLED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.CANCEL_REQUESTED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.CORRELATION_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.END;
import static com.medicarewizard.adapter.layout.ItemLayout.EXAM_TYPE;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.REASON;
import static com.medicarewizard.adapter.layout.ItemLayout.REQUESTED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION;
import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.RESOURCES;
import static com.medicarewizard.adapter.layout.ItemLayout.SITE;
import static com.medicarewizard.adapter.layout.ItemLayout.START;
import static com.medicarewizard.adapter.layout.ItemLayout.STATUS;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;
import static com.medicarewizard.adapter.layout.ItemLayout.VERSION;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads reservation items of the single-table layout ({@link com.medicarewizard.adapter.layout.ItemLayout})
 * from stream images in DynamoDB's attribute-value shape.
 */
final class StreamImages {

    private StreamImages() {
    }

    /** Whether the image is a reservation item (other items of the table are not outcomes). */
    static boolean isReservation(Map<String, AttributeValue> image) {
        return image != null && image.containsKey(TYPE) && RESERVATION.equals(image.get(TYPE).getS());
    }

    static ReservationStatus status(Map<String, AttributeValue> image) {
        return ReservationStatus.valueOf(string(image, STATUS));
    }

    /** @throws IllegalArgumentException when the image is not a well-formed reservation */
    static Reservation reservation(Map<String, AttributeValue> image) {
        try {
            return new Reservation(
                    new ReservationId(string(image, RESERVATION_ID)),
                    new PatientId(string(image, PATIENT_ID)),
                    new ExamTypeCode(string(image, EXAM_TYPE)),
                    new SiteId(string(image, SITE)),
                    ItemKeys.instant(string(image, START)),
                    ItemKeys.instant(string(image, END)),
                    status(image),
                    optional(image, REASON).map(RejectionReason::valueOf),
                    strings(image, RESOURCES).stream().map(ResourceId::new).toList(),
                    ItemKeys.instant(string(image, REQUESTED_AT)),
                    optional(image, DECIDED_AT).map(ItemKeys::instant),
                    optional(image, CANCEL_REQUESTED_AT).map(ItemKeys::instant),
                    optional(image, CANCELLED_AT).map(ItemKeys::instant),
                    string(image, CORRELATION_ID),
                    Long.parseLong(number(image, VERSION)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a well-formed reservation image: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        return optional(image, name).orElseThrow(() -> new IllegalArgumentException("no string attribute " + name));
    }

    private static Optional<String> optional(Map<String, AttributeValue> image, String name) {
        return Optional.ofNullable(image.get(name)).map(AttributeValue::getS);
    }

    private static String number(Map<String, AttributeValue> image, String name) {
        return Optional.ofNullable(image.get(name)).map(AttributeValue::getN)
                .orElseThrow(() -> new IllegalArgumentException("no number attribute " + name));
    }

    private static List<String> strings(Map<String, AttributeValue> image, String name) {
        List<AttributeValue> list = Optional.ofNullable(image.get(name)).map(AttributeValue::getL).orElse(List.of());
        return list.stream().map(AttributeValue::getS).toList();
    }

    static Instant instant(String fixedWidth) {
        return ItemKeys.instant(fixedWidth);
    }
}
