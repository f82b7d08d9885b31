package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.center.Site;

import java.time.Instant;

/** A start time at a site, with how many more bookings it can take ({@code available} may be 0: full). */
public record Slot(Instant start, Instant end, Site site, int available) {
}
