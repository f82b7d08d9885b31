package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.DeskMarks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeskMarks} adapter promises, with the {@link AuditTrail} of the same storage: each mark is
 * stored with its entry, both or neither. Subclasses give fresh, empty storage per test.
 */
public abstract class DeskMarksContract {

    private static final Instant NOW = Instant.parse("2030-03-04T08:00:00.250Z");
    private static final DeskMark.Act LUCA = new DeskMark.Act(StaffId.random(), "Luca Verdi", NOW);
    private static final DeskMark.Act ANNA = new DeskMark.Act(StaffId.random(), "Anna Bianchi", NOW.plusSeconds(60));

    /** The two ports over one fresh, empty storage. */
    public record Stores(DeskMarks marks, AuditTrail audit) {
    }

    protected abstract Stores newStores();

    private DeskMarks marks;
    private AuditTrail audit;
    private final ReservationId reservation = ReservationId.random();

    @BeforeEach
    void freshStores() {
        Stores stores = newStores();
        marks = stores.marks();
        audit = stores.audit();
    }

    private static AuditEntry entry(String action, DeskMark.Act by) {
        return new AuditEntry(UUID.randomUUID().toString(), by.at(), by.staff().value(), "desk@example.org", action,
                "reservation/x", Map.of(), Map.of("patient", "p"));
    }

    private List<AuditEntry> entries() {
        return audit.between(NOW.minusSeconds(1), NOW.plusSeconds(3600));
    }

    @Test
    void aReservationNobodyMarkedHasNoMark() {
        assertThat(marks.find(reservation)).isEmpty();
        assertThat(marks.findAll(List.of(reservation))).isEmpty();
    }

    @Test
    void aBookingMarkIsStoredWithItsEntryOnce() {
        AuditEntry booked = entry("reservation.booked-for-patient", LUCA);
        assertThat(marks.markBooked(reservation, LUCA, booked)).isTrue();

        assertThat(marks.markBooked(reservation, ANNA, entry("reservation.booked-for-patient", ANNA))).isFalse();

        assertThat(marks.find(reservation)).contains(new DeskMark(reservation, Optional.of(LUCA), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(entries()).containsExactly(booked);
    }

    @Test
    void aCancellationMarkKeepsTheBookingMarkAndIsStoredOnce() {
        marks.markBooked(reservation, LUCA, entry("reservation.booked-for-patient", LUCA));
        AuditEntry cancelled = entry("reservation.cancelled-for-patient", ANNA);

        assertThat(marks.markCancelled(reservation, ANNA, cancelled)).isTrue();
        assertThat(marks.markCancelled(reservation, LUCA, entry("reservation.cancelled-for-patient", LUCA)))
                .isFalse();

        DeskMark mark = marks.find(reservation).orElseThrow();
        assertThat(mark.booked()).contains(LUCA);
        assertThat(mark.cancelled()).contains(ANNA);
        assertThat(entries()).hasSize(2).endsWith(cancelled);
    }

    @Test
    void theLatestAttendanceCountsAndEachIsInTheTrail() {
        marks.markAttendance(reservation, Attendance.NO_SHOW, LUCA, entry("reservation.attendance-marked", LUCA));
        marks.markAttendance(reservation, Attendance.ARRIVED, ANNA, entry("reservation.attendance-marked", ANNA));

        DeskMark mark = marks.find(reservation).orElseThrow();
        assertThat(mark.attendance()).contains(Attendance.ARRIVED);
        assertThat(mark.attendanceMarked()).contains(ANNA);
        assertThat(mark.booked()).isEmpty();
        assertThat(entries()).hasSize(2);
    }

    @Test
    void readsTheMarksOfManyReservationsAtOnceLeavingOutThoseWithout() {
        List<ReservationId> ids = IntStream.range(0, DeskMarks.MAX_FIND_ALL).mapToObj(i -> ReservationId.random())
                .toList();
        marks.markBooked(ids.get(3), LUCA, entry("reservation.booked-for-patient", LUCA));
        marks.markAttendance(ids.get(97), Attendance.ARRIVED, ANNA, entry("reservation.attendance-marked", ANNA));

        Map<ReservationId, DeskMark> found = marks.findAll(ids);

        assertThat(found).containsOnlyKeys(ids.get(3), ids.get(97));
        assertThat(found.get(ids.get(97)).attendance()).contains(Attendance.ARRIVED);
        assertThat(marks.findAll(List.of())).isEmpty();
    }
}
