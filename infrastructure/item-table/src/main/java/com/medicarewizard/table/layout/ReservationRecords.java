package com.medicarewizard.table.layout;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import static com.medicarewizard.table.layout.ItemLayout.CANCELLED_AT;
import static com.medicarewizard.table.layout.ItemLayout.CANCEL_REQUESTED_AT;
import static com.medicarewizard.table.layout.ItemLayout.CORRELATION_ID;
import static com.medicarewizard.table.layout.ItemLayout.DECIDED;
import static com.medicarewizard.table.layout.ItemLayout.DECIDED_AT;
import static com.medicarewizard.table.layout.ItemLayout.DECIDED_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.END;
import static com.medicarewizard.table.layout.ItemLayout.EXAM_TYPE;
import static com.medicarewizard.table.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.table.layout.ItemLayout.PENDING;
import static com.medicarewizard.table.layout.ItemLayout.PENDING_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.PK;
import static com.medicarewizard.table.layout.ItemLayout.MOVED_TO;
import static com.medicarewizard.table.layout.ItemLayout.OFFER_ACCEPTED_AT;
import static com.medicarewizard.table.layout.ItemLayout.OFFER_ENTRY;
import static com.medicarewizard.table.layout.ItemLayout.OFFER_HOLD_SECONDS;
import static com.medicarewizard.table.layout.ItemLayout.REASON;
import static com.medicarewizard.table.layout.ItemLayout.REPLACES;
import static com.medicarewizard.table.layout.ItemLayout.REPLACES_SITE;
import static com.medicarewizard.table.layout.ItemLayout.REPLACES_START;
import static com.medicarewizard.table.layout.ItemLayout.REQUESTED_AT;
import static com.medicarewizard.table.layout.ItemLayout.RESERVATION;
import static com.medicarewizard.table.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.table.layout.ItemLayout.RESOURCES;
import static com.medicarewizard.table.layout.ItemLayout.SITE;
import static com.medicarewizard.table.layout.ItemLayout.SK;
import static com.medicarewizard.table.layout.ItemLayout.START;
import static com.medicarewizard.table.layout.ItemLayout.STATUS;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;
import static com.medicarewizard.table.layout.ItemLayout.VERSION;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps a {@link Reservation} to the attributes of its item in {@link ItemLayout} and back. */
public final class ReservationRecords {

    private ReservationRecords() {
    }

    public static Key key(ReservationId id) {
        return new Key(ItemKeys.reservation(id), RESERVATION);
    }

    /** The item's attributes, keys included. */
    public static Item item(Reservation r) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(PK, ItemKeys.reservation(r.id()));
        item.put(SK, RESERVATION);
        item.put(TYPE, RESERVATION);
        item.put(RESERVATION_ID, r.id().value());
        if (!r.patient().isErased()) {
            // an anonymised reservation has no patient attribute at all, and so leaves the byPatient index
            item.put(PATIENT_ID, r.patient().value());
        }
        item.put(EXAM_TYPE, r.examType().value());
        item.put(SITE, r.site().value());
        item.put(START, ItemKeys.instant(r.start()));
        item.put(END, ItemKeys.instant(r.end()));
        item.put(STATUS, r.status().name());
        item.put(RESOURCES, r.resources().stream().map(ResourceId::value).toList());
        item.put(REQUESTED_AT, ItemKeys.instant(r.requestedAt()));
        item.put(CORRELATION_ID, r.correlationId());
        item.put(VERSION, r.version());
        r.reason().ifPresent(reason -> item.put(REASON, reason.name()));
        r.decidedAt().ifPresent(at -> item.put(DECIDED_AT, ItemKeys.instant(at)));
        r.cancelRequestedAt().ifPresent(at -> item.put(CANCEL_REQUESTED_AT, ItemKeys.instant(at)));
        r.cancelledAt().ifPresent(at -> item.put(CANCELLED_AT, ItemKeys.instant(at)));
        r.replaces().ifPresent(replaced -> {
            item.put(REPLACES, replaced.reservation().value());
            item.put(REPLACES_SITE, replaced.site().value());
            item.put(REPLACES_START, ItemKeys.instant(replaced.start()));
        });
        r.movedTo().ifPresent(next -> item.put(MOVED_TO, next.value()));
        r.offer().ifPresent(offer -> {
            item.put(OFFER_ENTRY, offer.waitlistEntry());
            item.put(OFFER_HOLD_SECONDS, offer.hold().toSeconds());
            offer.acceptedAt().ifPresent(at -> item.put(OFFER_ACCEPTED_AT, ItemKeys.instant(at)));
        });
        // The sparse indexes hold an item only while these attributes are present.
        if (r.status() == ReservationStatus.PENDING) {
            item.put(PENDING, PENDING_PARTITION);
        }
        r.settleBy().ifPresent(by -> {
            item.put(ItemLayout.UNSETTLED, ItemLayout.UNSETTLED_PARTITION);
            item.put(ItemLayout.SETTLE_BY, ItemKeys.instant(by));
        });
        if (isDecided(r.status()) && r.decidedAt().isPresent()) {
            item.put(DECIDED, DECIDED_PARTITION);
        }
        return Item.of(item);
    }

    private static boolean isDecided(ReservationStatus status) {
        return status == ReservationStatus.CONFIRMED || status == ReservationStatus.REJECTED;
    }

    public static Reservation reservation(Item item) {
        return new Reservation(
                new ReservationId(item.string(RESERVATION_ID)),
                item.optString(PATIENT_ID).map(PatientId::new).orElse(PatientId.ERASED),
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
                item.longValue(VERSION),
                item.optString(REPLACES).map(replaced -> new Reservation.Replaced(new ReservationId(replaced),
                        new SiteId(item.string(REPLACES_SITE)), ItemKeys.instant(item.string(REPLACES_START)))),
                item.optString(MOVED_TO).map(ReservationId::new),
                item.optString(OFFER_ENTRY).map(entry -> new Reservation.Offer(entry,
                        java.time.Duration.ofSeconds(item.longValue(OFFER_HOLD_SECONDS)), instant(item, OFFER_ACCEPTED_AT))));
    }

    private static Optional<Instant> instant(Item item, String attribute) {
        return item.optString(attribute).map(ItemKeys::instant);
    }
}
