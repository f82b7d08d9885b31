package com.medicarewizard.intake.desk;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.Reservation;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** The zone a reservation's times are shown in: its site's, or UTC for a site removed from the center since. */
final class Zones {
    private Zones() {
    }

    static ZoneId of(Reservation r, Center center) {
        return center.site(r.site()).map(Site::zone).orElse(ZoneOffset.UTC);
    }
}
