package com.medicarewizard.domain.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Which freed times an entry wants: its exam, its site if any, before its date at the site's midnight, once. */
class WaitlistEntryTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final Instant NOW = Instant.parse("2030-03-01T08:00:00Z");
    private final PatientId patient = PatientId.random();
    /** ReservationMother's exam (MRI-KNEE) at ROMA-NORD, 2030-03-11 09:15 UTC (10:15 in Rome). */
    private final Reservation freed = ReservationMother.pending(PatientId.random());

    private WaitlistEntry entry(String exam, Optional<String> site, LocalDate before) {
        return WaitlistEntry.join(patient, new ExamTypeCode(exam), site.map(SiteId::new), before, NOW);
    }

    @Test
    void anEntryWantsATimeOfItsExamAtItsSiteBeforeItsDate() {
        assertThat(entry("MRI-KNEE", Optional.empty(), LocalDate.of(2030, 3, 12)).wants(freed, ROME)).isTrue();
        assertThat(entry("MRI-KNEE", Optional.of("ROMA-NORD"), LocalDate.of(2030, 3, 12)).wants(freed, ROME)).isTrue();
        assertThat(entry("MRI-KNEE", Optional.of("ROMA-EUR"), LocalDate.of(2030, 3, 12)).wants(freed, ROME)).isFalse();
        assertThat(entry("ECG", Optional.empty(), LocalDate.of(2030, 3, 12)).wants(freed, ROME)).isFalse();
        // "before 11 March": up to the site's midnight starting the 11th, so not a time on the 11th
        assertThat(entry("MRI-KNEE", Optional.empty(), LocalDate.of(2030, 3, 11)).wants(freed, ROME)).isFalse();
    }

    @Test
    void anEntryNeverWantsItsOwnPatientsTimeNorATimeOfferedToItBefore() {
        Reservation own = ReservationMother.pending(patient);
        WaitlistEntry entry = entry("MRI-KNEE", Optional.empty(), LocalDate.of(2030, 3, 12));
        assertThat(entry.wants(own, ROME)).isFalse();
        WaitlistEntry offered = entry.offered(freed);
        assertThat(offered.wants(freed, ROME)).isFalse();
        assertThat(offered.offered()).containsExactly(WaitlistEntry.slot(freed));
        assertThat(WaitlistEntry.parseId(entry.id())).contains(entry.id());
        assertThat(WaitlistEntry.parseId("../etc")).isEmpty();
        assertThat(WaitlistEntry.parseId(null)).isEmpty();
    }
}
