package com.medicarewizard.domain.center;

import java.time.Duration;
import java.util.Objects;

/**
 * The center's booking rules: starts lie on a grid of {@code grid} in local time (counted from
 * midnight), at least {@code minimumNotice} ahead and at most {@code horizon} ahead; an
 * availability question may span at most {@code maxRangeDays} days.
 */
public record BookingPolicy(Duration grid, Duration minimumNotice, Duration horizon, int maxRangeDays) {
    public BookingPolicy {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(minimumNotice, "minimum notice");
        Objects.requireNonNull(horizon, "horizon");
        if (grid.isZero() || grid.isNegative() || grid.toSeconds() % Cell.SIZE.toSeconds() != 0
                || Duration.ofDays(1).toSeconds() % grid.toSeconds() != 0) {
            throw new IllegalArgumentException("the grid must be a multiple of " + Cell.SIZE.toMinutes()
                    + " minutes that divides a day");
        }
        if (minimumNotice.isNegative() || horizon.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("notice must not be negative and the horizon at least a day");
        }
        if (maxRangeDays < 1) {
            throw new IllegalArgumentException("an availability range must allow at least one day");
        }
    }

    /** 15-minute grid, 2 hours' notice, 180 days ahead, 62 days per availability question. */
    public static BookingPolicy standard() {
        return new BookingPolicy(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofDays(180), 62);
    }
}
