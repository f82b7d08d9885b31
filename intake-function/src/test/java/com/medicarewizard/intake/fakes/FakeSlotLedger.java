package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cell holders in memory, claim-if-absent as the real ledger. */
public final class FakeSlotLedger implements SlotLedger {
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
}
