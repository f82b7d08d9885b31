package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION;

import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.layout.Attributes;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.adapter.layout.ReservationRecords;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

/** A {@link Reservation} as an embedded table item ({@link ReservationRecords} does the mapping the DynamoDB adapter shares). */
final class ReservationItems {

    private ReservationItems() {
    }

    static Key key(ReservationId id) {
        return new Key(ItemKeys.reservation(id), RESERVATION);
    }

    static Item toItem(Reservation r) {
        return Item.of(ReservationRecords.attributes(r));
    }

    static Reservation fromItem(Item item) {
        return ReservationRecords.reservation(attributes(item));
    }

    static Attributes attributes(Item item) {
        return new Attributes(item.attributes());
    }
}
