package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TablePatients;
import static com.medicarewizard.table.layout.ItemLayout.DATE_OF_BIRTH;
import static com.medicarewizard.table.layout.ItemLayout.DECIDED;
import static com.medicarewizard.table.layout.ItemLayout.PENDING;
import static com.medicarewizard.table.layout.ItemLayout.PHONE;
import static com.medicarewizard.table.layout.ItemLayout.TAX_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.table.Item;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.table.layout.ItemLayout;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.Tokens.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The items as the notifier reads them from the stream and the DynamoDB adapters will write them. */
class ItemLayoutTest {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @BeforeEach
    void open() {
        table = EmbeddedTables.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        table.close();
    }

    private List<Item> newImages() {
        return table.stream().read(0, 1000).stream().map(StreamRecord::newImage).flatMap(Optional::stream).toList();
    }

    @Test
    void personalDataIsOnlyInThePatientItem() {
        Patient patient = PatientMother.patient();
        new TablePatients(table).register(patient);
        new TableReservations(table).create(ReservationMother.pending(patient.id()), Optional.of("k"));
        new TableTokens(table).store(new Session("h", patient.id(),
                ReservationMother.REQUESTED_AT, ReservationMother.START));
        List<Item> items = newImages();
        assertThat(items).hasSize(5).allSatisfy(item -> {
            boolean isPatient = item.string(ItemLayout.TYPE).equals(ItemLayout.PATIENT);
            assertThat(item.has(TAX_CODE) && item.has(PHONE) && item.has(DATE_OF_BIRTH)).isEqualTo(isPatient);
            if (!isPatient) {
                assertThat(item.attributes().values()).doesNotContain(patient.taxCode().value(),
                        patient.phone().value(), patient.dateOfBirth().toString());
            }
        });
    }

    @Test
    void aReservationIsInThePendingIndexUntilDecidedThenInTheDecisionIndex() {
        var reservations = new TableReservations(table);
        Reservation pending = ReservationMother.pending(PatientMother.patient().id());
        reservations.create(pending, Optional.empty());
        Reservation confirmed = reservations.update(ReservationMother.confirmed(pending, ReservationMother.START));
        reservations.update(confirmed.cancel(ReservationMother.START));
        List<StreamRecord> records = table.stream().read(0, 10);
        assertThat(records).extracting(StreamRecord::eventName)
                .containsExactly(StreamRecord.INSERT, StreamRecord.MODIFY, StreamRecord.MODIFY);
        assertThat(records).extracting(r -> r.newImage().orElseThrow())
                .satisfiesExactly(
                        created -> assertThat(created.has(PENDING) && !created.has(DECIDED)).isTrue(),
                        decided -> assertThat(!decided.has(PENDING) && decided.has(DECIDED)).isTrue(),
                        cancelled -> assertThat(cancelled.has(PENDING) || cancelled.has(DECIDED)).isFalse());
        assertThat(records.get(1).newImage().orElseThrow().string(ItemLayout.STATUS)).isEqualTo("CONFIRMED");
        assertThat(records.get(1).newImage().orElseThrow().string(ItemLayout.CORRELATION_ID))
                .isEqualTo(pending.correlationId());
    }

    @Test
    void reclaimingOwnCellsWritesNoStreamRecord() {
        var ledger = new TableSlotLedger(table);
        Reservation r = ReservationMother.pending(PatientMother.patient().id());
        var cells = Cell.covering(ReservationMother.RESOURCES.getFirst(),
                r.start(), r.end());
        ledger.claim(r.id(), cells);
        long after = table.stream().latestSequence();
        ledger.claim(r.id(), cells);
        assertThat(table.stream().latestSequence()).isEqualTo(after);
    }
}
