package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ResourceId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The span a booking holds its resources: the exam plus its set-up and turnover buffers. */
public record Occupancy(Instant from, Instant to) {

    /** The widest set-up and turnover a day allows: what a booking whose exam is gone is taken to hold around it. */
    public static final Duration WIDEST_BUFFERS = Duration.ofHours(2);

    public static Occupancy of(ExamType exam, Instant start) {
        return new Occupancy(start.minus(exam.setUp()), start.plus(exam.duration()).plus(exam.turnover()));
    }

    /**
     * What a booking of {@code [start, end)} holds: its exam's occupancy, or, with its exam type gone from
     * the catalog, the widest buffers a day allows on either side.
     */
    public static Occupancy of(Optional<ExamType> exam, Instant start, Instant end) {
        return exam.map(e -> of(e, start))
                .orElseGet(() -> new Occupancy(start.minus(WIDEST_BUFFERS), end.plus(WIDEST_BUFFERS)));
    }

    public List<Cell> cells(ResourceId resource) {
        return Cell.covering(resource, from, to);
    }

    /** How many cells each resource holds over the occupancy: as many as {@link #cells} lists. */
    public int cellCount() {
        long size = Cell.SIZE.toSeconds();
        return (int) ((Duration.between(from, to).toSeconds() + size - 1) / size);
    }
}
