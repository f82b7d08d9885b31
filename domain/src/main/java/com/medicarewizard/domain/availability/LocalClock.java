package com.medicarewizard.domain.availability;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local date-times of many instants of one zone, as {@link LocalDateTime#ofInstant} gives them,
 * with the zone's offset looked up once per stretch between two of its transitions rather than
 * once per instant. A month of availability asks for three local times per start (about 9,000);
 * each lookup of a year past the zone's last listed transition boxes the year and reads a shared
 * cache, which was a fifth of the calculation (issue 15). Not thread-safe: one per calculation.
 */
final class LocalClock {
    private final ZoneRules rules;
    /** The stretch {@code [validFrom, validTo)}, in epoch seconds, where {@link #offset} holds. */
    private long validFrom = Long.MAX_VALUE;
    private long validTo = Long.MIN_VALUE;
    private ZoneOffset offset;

    LocalClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    LocalDateTime local(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < validFrom || second >= validTo) {
            lookUp(instant);
        }
        return LocalDateTime.ofEpochSecond(second, instant.getNano(), offset);
    }

    /**
     * Transitions fall on whole seconds, so the offset of any instant within its second is that of
     * the second; the last transition at or before it starts the stretch, the next one after ends it.
     */
    private void lookUp(Instant instant) {
        long second = instant.getEpochSecond();
        offset = rules.getOffset(instant);
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(second).plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(second));
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        if (second < validFrom || second >= validTo) {
            // never expected; a stretch of this one second keeps every answer right
            validFrom = second;
            validTo = second + 1;
        }
    }
}
