package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.REASON;
import com.medicarewizard.table.layout.ItemLayout;
import static com.medicarewizard.table.layout.ItemLayout.BY_DECISION;
import static com.medicarewizard.table.layout.ItemLayout.BY_PATIENT;
import static com.medicarewizard.table.layout.ItemLayout.CANCEL_REQUESTED_AT;
import static com.medicarewizard.table.layout.ItemLayout.DECIDED_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.DECIDING_BY;
import static com.medicarewizard.table.layout.ItemLayout.DECIDING_UNTIL;
import static com.medicarewizard.table.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.table.layout.ItemLayout.PENDING_INDEX;
import static com.medicarewizard.table.layout.ItemLayout.PENDING_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.QUEUED_AGAIN_AT;
import static com.medicarewizard.table.layout.ItemLayout.REQUESTED_AT;
import static com.medicarewizard.table.layout.ItemLayout.RESENDS;
import static com.medicarewizard.table.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.table.layout.ItemLayout.STATUS;
import static com.medicarewizard.table.layout.ItemLayout.VERSION;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.ReservationRecords;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Reservations} on the item table (layout: {@link com.medicarewizard.table.layout.ItemLayout}).
 * A request and its idempotency item are written in one transaction, each only if absent, so a
 * retried request can never create a second reservation — and when the first request's transaction
 * still held the idempotency item (a {@code TransactionConflict} outlasting the table's retries), the
 * item is read again to answer the first reservation; updates are puts conditional on the
 * stored version. A cancel request is one update conditional on the patient and the status. A failed
 * condition answers what is stored. The patient's reservations, the
 * pending ones and the recent decisions are read from the byPatient, pending and byDecision indexes.
 */
public final class TableReservations implements Reservations {

    /** Above every fixed-width instant: an open upper bound for sort ranges. */
    private static final String AFTER_ALL_INSTANTS = "~";

    private final ItemTable table;

    public TableReservations(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Created create(Reservation pending, Optional<String> idempotencyKey) {
        Item reservation = ReservationRecords.item(pending);
        if (idempotencyKey.isEmpty()) {
            try {
                table.put(reservation, Condition.absent());
            } catch (ConditionFailedException e) {
                throw alreadyThere(pending.id(), e.current());
            }
            return new Created(pending, true);
        }
        Item seen = ExpiringRecords.idempotency(pending, idempotencyKey.get());
        try {
            table.transact(List.of(Write.put(reservation, Condition.absent()), Write.put(seen, Condition.absent())));
            return new Created(pending, true);
        } catch (TransactionCanceledException e) {
            if (e.reasons().get(1).conditionFailed()) {
                return new Created(firstFor(e.reasons().get(1).current()), false);
            }
            if (e.reasons().stream().anyMatch(CancellationReason::conflicted)) {
                Optional<Item> first = table.get(seen.key());
                if (first.isPresent()) {
                    return new Created(firstFor(first), false);
                }
                throw new ContendedWriteException("reservation " + pending.id() + " met another request under way", e);
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
        return new ConcurrentChangeException(id, current.map(ReservationRecords::reservation));
    }

    @Override
    public Optional<Reservation> find(ReservationId id) {
        return table.get(ReservationRecords.key(id)).map(ReservationRecords::reservation);
    }

    /** One batch read of the items ({@link ItemTable#getAll}). */
    @Override
    public List<Optional<Reservation>> findAll(List<ReservationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_FIND_ALL) {
            throw new IllegalArgumentException("at most " + MAX_FIND_ALL + " ids: " + ids.size());
        }
        return table.getAll(ids.stream().map(ReservationRecords::key).toList()).stream()
                .map(item -> item.map(ReservationRecords::reservation)).toList();
    }

    @Override
    public List<Reservation> ofPatient(PatientId patient) {
        return reservations(Query.index(BY_PATIENT, patient.value(), SortRange.all()).descending());
    }

    @Override
    public List<Reservation> ofPatientStartingAfter(PatientId patient, Instant after) {
        // BETWEEN is inclusive: the first instant after the bound makes it exclusive.
        SortRange range = SortRange.between(ItemKeys.instant(after.plusNanos(1)), AFTER_ALL_INSTANTS);
        return reservations(Query.index(BY_PATIENT, patient.value(), range).descending());
    }

    @Override
    public Reservation update(Reservation next) {
        Reservation stored = next.withVersion(next.version() + 1);
        try {
            table.put(ReservationRecords.item(stored), Condition.equals(VERSION, next.version()));
            return stored;
        } catch (ConditionFailedException e) {
            throw alreadyThere(next.id(), e.current());
        }
    }

    /** Two puts in one transaction, each conditional on its stored version, as {@link #update} is alone. */
    @Override
    public Moved storeMove(Reservation confirmed, Reservation moved) {
        Reservation storedConfirmed = confirmed.withVersion(confirmed.version() + 1);
        Reservation storedMoved = moved.withVersion(moved.version() + 1);
        try {
            table.transact(List.of(
                    Write.put(ReservationRecords.item(storedConfirmed), Condition.equals(VERSION, confirmed.version())),
                    Write.put(ReservationRecords.item(storedMoved), Condition.equals(VERSION, moved.version()))));
            return new Moved(storedConfirmed, storedMoved);
        } catch (TransactionCanceledException e) {
            for (int i = 0; i < 2; i++) {
                if (e.reasons().get(i).conditionFailed()) {
                    throw alreadyThere(i == 0 ? confirmed.id() : moved.id(), e.reasons().get(i).current());
                }
            }
            throw new ContendedWriteException("the move of reservation " + moved.id() + " met another write under way", e);
        }
    }

    @Override
    public Optional<Reservation> recordCancelRequest(ReservationId id, PatientId patient, Instant at) {
        // unsettled from now until the allocator carries it out (ReservationRecords writes the same on a whole item)
        Update request = new Update(List.of(new Update.SetValue(CANCEL_REQUESTED_AT, ItemKeys.instant(at)),
                new Update.SetValue(ItemLayout.UNSETTLED, ItemLayout.UNSETTLED_PARTITION),
                new Update.SetValue(ItemLayout.SETTLE_BY, ItemKeys.instant(at)), new Update.AddNumber(VERSION, 1)));
        Condition ownAndCancellable = Condition.and(Condition.equals(PATIENT_ID, patient.value()),
                Condition.or(Condition.equals(STATUS, ReservationStatus.PENDING.name()),
                        Condition.equals(STATUS, ReservationStatus.CONFIRMED.name()),
                        Condition.equals(STATUS, ReservationStatus.HELD.name())),
                Condition.attributeNotExists(CANCEL_REQUESTED_AT));
        try {
            return Optional.of(ReservationRecords.reservation(
                    table.update(ReservationRecords.key(id), request, ownAndCancellable)));
        } catch (ConditionFailedException e) {
            return e.current().map(ReservationRecords::reservation).filter(r -> r.patient().equals(patient));
        }
    }

    @Override
    public Optional<Reservation> recordCenterCancellation(ReservationId id, Instant at) {
        Update request = new Update(List.of(new Update.SetValue(CANCEL_REQUESTED_AT, ItemKeys.instant(at)),
                new Update.SetValue(REASON, RejectionReason.CENTER_CLOSED.name()),
                new Update.SetValue(ItemLayout.UNSETTLED, ItemLayout.UNSETTLED_PARTITION),
                new Update.SetValue(ItemLayout.SETTLE_BY, ItemKeys.instant(at)), new Update.AddNumber(VERSION, 1)));
        Condition confirmedAndUntouched = Condition.and(Condition.equals(STATUS, ReservationStatus.CONFIRMED.name()),
                Condition.attributeNotExists(CANCEL_REQUESTED_AT));
        try {
            return Optional.of(ReservationRecords.reservation(
                    table.update(ReservationRecords.key(id), request, confirmedAndUntouched)));
        } catch (ConditionFailedException e) {
            return e.current().map(ReservationRecords::reservation);
        }
    }

    @Override
    public List<Reservation> pendingSince(Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // BETWEEN is inclusive: the last instant before the bound makes it exclusive.
        SortRange range = SortRange.between("", ItemKeys.instant(before.minusNanos(1)));
        return reservations(Query.index(PENDING_INDEX, PENDING_PARTITION, range).limit(limit));
    }

    @Override
    public List<Reservation> unsettledSince(Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        SortRange range = SortRange.between("", ItemKeys.instant(before.minusNanos(1)));
        return reservations(Query.index(ItemLayout.UNSETTLED_INDEX, ItemLayout.UNSETTLED_PARTITION, range).limit(limit));
    }

    @Override
    public List<Waiting> waitingSince(Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        SortRange range = SortRange.between("", ItemKeys.instant(before.minusNanos(1)));
        return table.query(Query.index(PENDING_INDEX, PENDING_PARTITION, range).limit(limit)).stream()
                .map(item -> new Waiting(ReservationRecords.reservation(item),
                        ItemKeys.instant(item.optString(QUEUED_AGAIN_AT).orElse(item.string(REQUESTED_AT))),
                        (int) item.optLong(RESENDS).orElse(0)))
                .toList();
    }

    @Override
    public boolean recordResent(ReservationId id, Instant at) {
        Update resent = new Update(List.of(new Update.SetValue(QUEUED_AGAIN_AT, ItemKeys.instant(at)),
                new Update.AddNumber(RESENDS, 1)));
        try {
            table.update(ReservationRecords.key(id), resent, Condition.equals(STATUS, ReservationStatus.PENDING.name()));
            return true;
        } catch (ConditionFailedException e) {
            return false;
        }
    }

    /**
     * One UpdateItem if the request is PENDING and its lease absent or already this holder's; when the
     * condition fails on a lease that has ended, a second one takes it over on condition that it is
     * still that very lease (a holder that took it meanwhile keeps it). A condition on the stored end
     * itself ({@code decidingUntil <= :now}) would need a comparison the item table does not offer.
     */
    @Override
    public boolean leaseDecision(ReservationId id, DecisionLease lease, Instant now) {
        Key key = ReservationRecords.key(id);
        Update take = new Update(List.of(new Update.SetValue(DECIDING_BY, lease.holder()),
                new Update.SetValue(DECIDING_UNTIL, ItemKeys.instant(lease.until()))));
        Condition pending = Condition.equals(STATUS, ReservationStatus.PENDING.name());
        try {
            table.update(key, take, Condition.and(pending, Condition.or(Condition.attributeNotExists(DECIDING_BY),
                    Condition.equals(DECIDING_BY, lease.holder()))));
            return true;
        } catch (ConditionFailedException e) {
            Optional<Item> ended = e.current().filter(item -> item.has(DECIDING_BY) && item.has(DECIDING_UNTIL)
                    && !ItemKeys.instant(item.string(DECIDING_UNTIL)).isAfter(now));
            return ended.isPresent() && takeOver(key, take, pending, ended.get());
        }
    }

    private boolean takeOver(Key key, Update take, Condition pending, Item ended) {
        try {
            table.update(key, take, Condition.and(pending, Condition.equals(DECIDING_BY, ended.string(DECIDING_BY)),
                    Condition.equals(DECIDING_UNTIL, ended.string(DECIDING_UNTIL))));
            return true;
        } catch (ConditionFailedException e) {
            return false;
        }
    }

    @Override
    public List<Reservation> decidedSince(Instant since) {
        SortRange range = SortRange.between(ItemKeys.instant(since), AFTER_ALL_INSTANTS);
        return reservations(Query.index(BY_DECISION, DECIDED_PARTITION, range));
    }

    private List<Reservation> reservations(Query query) {
        return table.query(query).stream().map(ReservationRecords::reservation).toList();
    }
}
