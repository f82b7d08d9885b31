package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ResourceId;

import java.time.Instant;
import java.util.List;

/** The span a booking holds its resources: the exam plus its set-up and turnover buffers. */
public record Occupancy(Instant from, Instant to) {

    public static Occupancy of(ExamType exam, Instant start) {
        return new Occupancy(start.minus(exam.setUp()), start.plus(exam.duration()).plus(exam.turnover()));
    }

    public List<Cell> cells(ResourceId resource) {
        return Cell.covering(resource, from, to);
    }
}
