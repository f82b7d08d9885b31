package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.waitlist.WaitlistEntry;
import com.medicarewizard.port.Waitlist;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** What every {@link Waitlist} adapter promises. Subclasses give fresh, empty storage per test. */
public abstract class WaitlistContract {
    private static final Instant NOW = Instant.parse("2030-03-04T08:00:00.250Z");
    private static final ExamTypeCode MRI = new ExamTypeCode("MRI-KNEE");
    private static final ExamTypeCode ECG = new ExamTypeCode("ECG");
    private static final LocalDate BEFORE = LocalDate.of(2030, 4, 1);
    private final PatientId anna = PatientId.random();
    private final PatientId bruno = PatientId.random();
    private Waitlist waitlist;

    protected abstract Waitlist newWaitlist();

    @BeforeEach
    void fresh() {
        waitlist = newWaitlist();
    }

    private WaitlistEntry entry(PatientId patient, ExamTypeCode exam, Optional<SiteId> site, Instant joined) {
        return WaitlistEntry.join(patient, exam, site, BEFORE, joined);
    }

    @Test
    void entriesWaitingForAnExamComeInTheOrderTheyJoinedWhateverTheOrderTheyAreWritten() {
        WaitlistEntry late = entry(anna, MRI, Optional.empty(), NOW.plusSeconds(60));
        WaitlistEntry early = entry(bruno, MRI, Optional.of(new SiteId("ROMA-NORD")), NOW);
        WaitlistEntry other = entry(anna, ECG, Optional.empty(), NOW.minusSeconds(60));
        assertThat(waitlist.join(late)).isEqualTo(Waitlist.Joined.JOINED);
        assertThat(waitlist.join(early)).isEqualTo(Waitlist.Joined.JOINED);
        assertThat(waitlist.join(other)).isEqualTo(Waitlist.Joined.JOINED);

        assertThat(waitlist.waiting(MRI)).containsExactly(early, late);
        assertThat(waitlist.waiting(ECG)).containsExactly(other);
        assertThat(waitlist.ofPatient(anna)).containsExactlyInAnyOrder(late, other);
        assertThat(waitlist.find(early.id())).contains(early);
    }

    @Test
    void thePatientWaitsOnceForAnExamAtASiteAndForAtMostFiveExams() {
        assertThat(waitlist.join(entry(anna, MRI, Optional.empty(), NOW))).isEqualTo(Waitlist.Joined.JOINED);
        assertThat(waitlist.join(entry(anna, MRI, Optional.empty(), NOW.plusSeconds(1))))
                .isEqualTo(Waitlist.Joined.ALREADY_WAITING);
        assertThat(waitlist.join(entry(anna, MRI, Optional.of(new SiteId("ROMA-EUR")), NOW.plusSeconds(2))))
                .isEqualTo(Waitlist.Joined.JOINED);
        for (String code : new String[] {"CT-HEAD", "XRAY-CHEST", "ECG"}) {
            assertThat(waitlist.join(entry(anna, new ExamTypeCode(code), Optional.empty(), NOW.plusSeconds(3))))
                    .isEqualTo(Waitlist.Joined.JOINED);
        }
        assertThat(waitlist.join(entry(anna, new ExamTypeCode("DEXA"), Optional.empty(), NOW.plusSeconds(4))))
                .isEqualTo(Waitlist.Joined.TOO_MANY);
        assertThat(waitlist.ofPatient(anna)).hasSize(WaitlistEntry.MAX_PER_PATIENT);
        assertThat(waitlist.join(entry(bruno, MRI, Optional.empty(), NOW))).isEqualTo(Waitlist.Joined.JOINED);
    }

    @Test
    void onlyThePatientLeavesTheirEntry() {
        WaitlistEntry annas = entry(anna, MRI, Optional.empty(), NOW);
        waitlist.join(annas);

        assertThat(waitlist.leave(bruno, annas.id())).isFalse();
        assertThat(waitlist.waiting(MRI)).containsExactly(annas);
        assertThat(waitlist.leave(anna, annas.id())).isTrue();
        assertThat(waitlist.waiting(MRI)).isEmpty();
        assertThat(waitlist.leave(anna, annas.id())).isFalse();
    }

    @Test
    void aTimeOfferedIsRecordedOnceAndAnEntryLeftMeanwhileIsNotWrittenBack() {
        WaitlistEntry annas = entry(anna, MRI, Optional.empty(), NOW);
        waitlist.join(annas);
        Reservation freed = ReservationMother.pending(bruno);

        waitlist.markOffered(annas, freed);
        waitlist.markOffered(waitlist.find(annas.id()).orElseThrow(), freed);

        assertThat(waitlist.find(annas.id()).orElseThrow().offered()).isEqualTo(Set.of(WaitlistEntry.slot(freed)));
        waitlist.leave(anna, annas.id());
        waitlist.markOffered(annas, freed);
        assertThat(waitlist.find(annas.id())).isEmpty();
    }

    @Test
    void anEntryIsRemovedWhoseverItIsAndAPatientsEntriesAllGoWithTheirAccount() {
        WaitlistEntry annas = entry(anna, MRI, Optional.empty(), NOW);
        WaitlistEntry annasOther = entry(anna, ECG, Optional.empty(), NOW);
        WaitlistEntry brunos = entry(bruno, MRI, Optional.empty(), NOW.plusSeconds(1));
        waitlist.join(annas);
        waitlist.join(annasOther);
        waitlist.join(brunos);

        waitlist.remove(brunos.id());
        waitlist.remove(brunos.id());
        assertThat(waitlist.ofPatient(bruno)).isEmpty();
        waitlist.removeAll(anna);
        assertThat(waitlist.ofPatient(anna)).isEmpty();
        assertThat(waitlist.waiting(MRI)).isEmpty();
    }
}
