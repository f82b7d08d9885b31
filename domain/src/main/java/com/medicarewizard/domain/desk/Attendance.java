package com.medicarewizard.domain.desk;

import java.util.Optional;

/** Whether the patient of a CONFIRMED booking came, as the front desk marks it on the day. */
public enum Attendance {
    ARRIVED,
    NO_SHOW;

    public static Optional<Attendance> parse(String text) {
        for (Attendance a : values()) {
            if (a.name().equals(text)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
