package com.medicarewizard.table.layout;

import static com.medicarewizard.table.layout.ItemLayout.RESERVATION_ID;

import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Update;

import java.util.Optional;

/**
 * Maps a {@link DeskMark} to its item in {@link ItemLayout} ({@code DESK#<reservationId>}/{@code DESK}) and
 * back. Each act (booked, cancelled, attendance) is three attributes of its own, {@code <act>By},
 * {@code <act>ByName} and {@code <act>At}, set by one update that leaves the others alone.
 */
public final class DeskRecords {
    public static final String BOOKED = "booked";
    public static final String CANCELLED = "cancelled";
    public static final String ATTENDANCE = "attendance";

    private DeskRecords() {
    }

    public static Key key(ReservationId id) {
        return new Key(ItemKeys.desk(id), ItemLayout.DESK);
    }

    /** The attribute that says whether {@code act} is marked: its actor's id. */
    public static String by(String act) {
        return act + "By";
    }

    /** Sets {@code act}'s attributes (and the item's type and reservation, which stay the same). */
    public static Update act(ReservationId id, String act, DeskMark.Act by) {
        return Update.set(ItemLayout.TYPE, ItemLayout.DESK).andSet(RESERVATION_ID, id.value())
                .andSet(by(act), by.staff().value()).andSet(act + "ByName", by.staffName())
                .andSet(act + "At", ItemKeys.instant(by.at()));
    }

    public static Update attendance(ReservationId id, Attendance attendance, DeskMark.Act by) {
        return act(id, ATTENDANCE, by).andSet(ATTENDANCE, attendance.name());
    }

    public static DeskMark mark(Item item) {
        return new DeskMark(new ReservationId(item.string(RESERVATION_ID)), act(item, BOOKED), act(item, CANCELLED),
                item.optString(ATTENDANCE).map(Attendance::valueOf), act(item, ATTENDANCE));
    }

    private static Optional<DeskMark.Act> act(Item item, String act) {
        return item.optString(by(act)).map(staff -> new DeskMark.Act(new StaffId(staff), item.string(act + "ByName"),
                ItemKeys.instant(item.string(act + "At"))));
    }
}
