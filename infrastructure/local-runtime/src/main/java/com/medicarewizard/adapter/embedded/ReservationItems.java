package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.CANCELLED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.CANCEL_REQUESTED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.CORRELATION_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.END;
import static com.medicarewizard.adapter.layout.ItemLayout.EXAM_TYPE;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING_PARTITION;
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

import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
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
import java.util.Optional;

/** Maps a {@link Reservation} to its item of the single-table layout and back. */
final class ReservationItems {

    private ReservationItems() {
    }

    static Key key(ReservationId id) {
        return new Key(ItemKeys.reservation(id), RESERVATION);
    }

    static Item toItem(Reservation r) {
        Item.Builder item = Item.builder(key(r.id()))
                .put(TYPE, RESERVATION)
                .put(RESERVATION_ID, r.id().value())
                .put(PATIENT_ID, r.patient().value())
                .put(EXAM_TYPE, r.examType().value())
                .put(SITE, r.site().value())
                .put(START, ItemKeys.instant(r.start()))
                .put(END, ItemKeys.instant(r.end()))
                .put(STATUS, r.status().name())
                .put(RESOURCES, r.resources().stream().map(ResourceId::value).toList())
                .put(REQUESTED_AT, ItemKeys.instant(r.requestedAt()))
                .put(CORRELATION_ID, r.correlationId())
                .put(VERSION, r.version());
        r.reason().ifPresent(reason -> item.put(REASON, reason.name()));
        r.decidedAt().ifPresent(at -> item.put(DECIDED_AT, ItemKeys.instant(at)));
        r.cancelRequestedAt().ifPresent(at -> item.put(CANCEL_REQUESTED_AT, ItemKeys.instant(at)));
        r.cancelledAt().ifPresent(at -> item.put(CANCELLED_AT, ItemKeys.instant(at)));
        // The sparse indexes hold an item only while these attributes are present.
        if (r.status() == ReservationStatus.PENDING) {
            item.put(PENDING, PENDING_PARTITION);
        }
        if (isDecided(r.status()) && r.decidedAt().isPresent()) {
            item.put(DECIDED, DECIDED_PARTITION);
        }
        return item.build();
    }

    private static boolean isDecided(ReservationStatus status) {
        return status == ReservationStatus.CONFIRMED || status == ReservationStatus.REJECTED;
    }

    static Reservation fromItem(Item item) {
        return new Reservation(
                new ReservationId(item.string(RESERVATION_ID)),
                new PatientId(item.string(PATIENT_ID)),
                new ExamTypeCode(item.string(EXAM_TYPE)),
                new SiteId(item.string(SITE)),
                ItemKeys.instant(item.string(START)),
                ItemKeys.instant(item.string(END)),
                ReservationStatus.valueOf(item.string(STATUS)),
                item.optString(REASON).map(RejectionReason::valueOf),
                item.strings(RESOURCES).stream().map(ResourceId::new).toList(),
                ItemKeys.instant(item.string(REQUESTED_AT)),
                instant(item, DECIDED_AT),
                instant(item, CANCEL_REQUESTED_AT),
                instant(item, CANCELLED_AT),
                item.string(CORRELATION_ID),
                item.longValue(VERSION));
    }

    private static Optional<Instant> instant(Item item, String attribute) {
        return item.optString(attribute).map(ItemKeys::instant);
    }
}
