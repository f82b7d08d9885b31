package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cell holders in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.SlotLedgerContract}: a claim is decided for all its cells
 * under one lock, so it takes them all or none, as the real ledger's claim-and-undo ends.
 */
public final class InMemorySlotLedger implements SlotLedger {
    private final Map<Cell, ReservationId> holders = new HashMap<>();

    @Override
    public synchronized boolean claim(ReservationId owner, List<Cell> cells) {
        if (cells.stream().anyMatch(c -> holders.containsKey(c) && !holders.get(c).equals(owner))) {
            return false;
        }
        cells.forEach(c -> holders.put(c, owner));
        return true;
    }

    @Override
    public synchronized boolean claimFrom(ReservationId owner, ReservationId previous, List<Cell> cells) {
        if (cells.stream().anyMatch(c -> holders.containsKey(c) && !holders.get(c).equals(owner)
                && !holders.get(c).equals(previous))) {
            handBack(owner, previous, cells);
            return false;
        }
        cells.forEach(c -> holders.put(c, owner));
        return true;
    }

    @Override
    public synchronized void handBack(ReservationId owner, ReservationId previous, List<Cell> cells) {
        cells.forEach(c -> holders.replace(c, owner, previous));
    }

    @Override
    public synchronized void release(ReservationId owner, List<Cell> cells) {
        cells.forEach(c -> holders.remove(c, owner));
    }

    @Override
    public synchronized Map<Cell, ReservationId> holders(Collection<ResourceId> resources, Instant from, Instant to) {
        Map<Cell, ReservationId> found = new HashMap<>();
        holders.forEach((cell, owner) -> {
            if (resources.contains(cell.resource()) && !cell.start().isBefore(from) && cell.start().isBefore(to)) {
                found.put(cell, owner);
            }
        });
        return found;
    }

    /** Every held cell with its holder, whatever the resource or time. */
    public synchronized Map<Cell, ReservationId> all() {
        return Map.copyOf(holders);
    }
}
