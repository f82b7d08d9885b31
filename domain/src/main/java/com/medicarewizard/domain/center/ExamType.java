package com.medicarewizard.domain.center;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * An exam the center offers. It occupies one resource of every kind in {@link #needs()} for
 * {@code setUp + duration + turnover}: the buffers keep the room and staff free before and after.
 * All durations are whole multiples of {@link Cell#SIZE}, so occupancy can be claimed cell by cell.
 */
public record ExamType(ExamTypeCode code, String name, Duration duration, String preparation,
                       Duration setUp, Duration turnover, Set<ResourceKind> needs) {
    public ExamType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preparation, "preparation");
        requireCells(duration, "duration", false);
        requireCells(setUp, "set-up buffer", true);
        requireCells(turnover, "turnover buffer", true);
        needs = Set.copyOf(needs);
        if (needs.isEmpty()) {
            throw new IllegalArgumentException("exam type " + code + " needs at least one resource kind");
        }
    }

    private static void requireCells(Duration d, String what, boolean zeroAllowed) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || (!zeroAllowed && d.isZero()) || d.toSeconds() % Cell.SIZE.toSeconds() != 0) {
            throw new IllegalArgumentException(what + " must be a positive multiple of " + Cell.SIZE.toMinutes() + " minutes");
        }
    }

    /** How long a resource is held for one exam, buffers included. */
    public Duration occupancy() {
        return setUp.plus(duration).plus(turnover);
    }
}
