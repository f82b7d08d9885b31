package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.BY_DECISION;
import static com.medicarewizard.adapter.layout.ItemLayout.BY_PATIENT;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.VERSION;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.ConditionFailedException;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.SortRange;
import com.medicarewizard.adapter.embedded.table.TransactionCanceledException;
import com.medicarewizard.adapter.embedded.table.Write;
import com.medicarewizard.adapter.layout.ExpiringRecords;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.Reservations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Reservations} on the embedded table (layout: {@link com.medicarewizard.adapter.layout.ItemLayout}).
 * A request and its idempotency item are written in one transaction, each only if absent, so a
 * retried request can never create a second reservation; updates are puts conditional on the
 * stored version.
 */
public final class EmbeddedReservations implements Reservations {

    /** Above every fixed-width instant: an open upper bound for sort ranges. */
    private static final String AFTER_ALL_INSTANTS = "~";
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private final EmbeddedTable table;

    public EmbeddedReservations(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Created create(Reservation pending, Optional<String> idempotencyKey) {
        Item reservation = ReservationItems.toItem(pending);
        if (idempotencyKey.isEmpty()) {
            try {
                table.put(reservation, Condition.absent());
            } catch (ConditionFailedException e) {
                throw alreadyThere(pending.id(), e.current());
            }
            return new Created(pending, true);
        }
        Item seen = Item.of(ExpiringRecords.idempotency(pending, idempotencyKey.get()));
        try {
            table.transact(List.of(Write.put(reservation, Condition.absent()), Write.put(seen, Condition.absent())));
            return new Created(pending, true);
        } catch (TransactionCanceledException e) {
            if (e.reasons().get(1).conditionFailed()) {
                return new Created(firstFor(e.reasons().get(1).current()), false);
            }
            throw alreadyThere(pending.id(), e.reasons().get(0).current());
        }
    }

    private Reservation firstFor(Optional<Item> idempotencyItem) {
        ReservationId first = new ReservationId(idempotencyItem.orElseThrow().string(RESERVATION_ID));
        // Written in the same transaction as its reservation, so that one is there.
        return find(first).orElseThrow(() -> new IllegalStateException("idempotency item without reservation " + first));
    }

    private static ConcurrentChangeException alreadyThere(ReservationId id, Optional<Item> current) {
        return new ConcurrentChangeException(id, current.map(ReservationItems::fromItem));
    }

    @Override
    public Optional<Reservation> find(ReservationId id) {
        return table.get(ReservationItems.key(id)).map(ReservationItems::fromItem);
    }

    @Override
    public List<Reservation> ofPatient(PatientId patient) {
        return table.queryIndex(BY_PATIENT, patient.value(), SortRange.all(), NO_LIMIT, false).stream()
                .map(ReservationItems::fromItem).toList();
    }

    @Override
    public Reservation update(Reservation next) {
        Reservation stored = next.withVersion(next.version() + 1);
        try {
            table.put(ReservationItems.toItem(stored), Condition.equals(VERSION, next.version()));
            return stored;
        } catch (ConditionFailedException e) {
            throw alreadyThere(next.id(), e.current());
        }
    }

    @Override
    public List<Reservation> pendingSince(Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // BETWEEN is inclusive: the last instant before the bound makes it exclusive.
        SortRange range = SortRange.between("", ItemKeys.instant(before.minusNanos(1)));
        return table.queryIndex(PENDING_INDEX, PENDING_PARTITION, range, limit, true).stream()
                .map(ReservationItems::fromItem).toList();
    }

    @Override
    public List<Reservation> decidedSince(Instant since) {
        SortRange range = SortRange.between(ItemKeys.instant(since), AFTER_ALL_INSTANTS);
        return table.queryIndex(BY_DECISION, DECIDED_PARTITION, range, NO_LIMIT, true).stream()
                .map(ReservationItems::fromItem).toList();
    }
}
