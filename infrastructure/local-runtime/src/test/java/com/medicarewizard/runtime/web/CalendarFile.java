package com.medicarewizard.runtime.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first event of an iCalendar file (RFC 5545) as far as the tests need it: its start and end
 * instants and the zone its start was written in (a TZID, or UTC for a time ending in Z).
 */
record CalendarFile(Instant start, Instant end, ZoneId zone) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    static CalendarFile parse(String text) {
        // unfold continuation lines first: a line starting with a space or tab continues the previous one
        List<String> all = List.of(text.replace("\r\n", "\n").replaceAll("\n[ \t]", "").split("\n"));
        int begin = all.indexOf("BEGIN:VEVENT");
        if (begin < 0 || all.indexOf("END:VEVENT") < begin) {
            throw new AssertionError("no VEVENT in " + text);
        }
        // only the event's own lines: a VTIMEZONE has DTSTARTs of its own
        String[] lines = all.subList(begin, all.indexOf("END:VEVENT")).toArray(String[]::new);
        String start = property(lines, "DTSTART").orElseThrow(() -> new AssertionError("no DTSTART in " + text));
        String end = property(lines, "DTEND").orElseThrow(() -> new AssertionError("no DTEND in " + text));
        return new CalendarFile(instant(start), instant(end), zone(start));
    }

    private static Optional<String> property(String[] lines, String name) {
        return Arrays.stream(lines).filter(l -> l.startsWith(name + ":") || l.startsWith(name + ";")).findFirst();
    }

    /** {@code DTSTART;TZID=Europe/Rome:20261204T080000} or {@code DTSTART:20261204T070000Z}. */
    private static Instant instant(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        if (value.endsWith("Z")) {
            return LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL).toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(value, LOCAL).atZone(zone(line)).toInstant();
    }

    private static ZoneId zone(String line) {
        String parameters = line.substring(0, line.indexOf(':'));
        for (String parameter : parameters.split(";")) {
            if (parameter.startsWith("TZID=")) {
                return ZoneId.of(parameter.substring(5).replace("\"", ""));
            }
        }
        if (line.endsWith("Z")) {
            return ZoneOffset.UTC;
        }
        throw new AssertionError("a floating time has no zone: " + line);
    }
}
