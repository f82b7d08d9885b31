package com.medicarewizard.domain.center;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An exam the center offers. It occupies one resource of every kind in {@link #needs()} for
 * {@code setUp + duration + turnover}: the buffers keep the room and staff free before and after.
 * All durations are whole multiples of {@link Cell#SIZE}, so occupancy can be claimed cell by cell.
 * {@code name} and {@code preparation} are the center's own (English) texts; {@code translations}
 * gives them in other languages by ISO 639-1 code ({@code it}), as the center writes them, so that
 * a patient is told in their language what they booked and how to prepare.
 */
public record ExamType(ExamTypeCode code, String name, Duration duration, String preparation,
                       Duration setUp, Duration turnover, Set<ResourceKind> needs, Map<String, Texts> translations) {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    /** The name and preparation of an exam type in one language. */
    public record Texts(String name, String preparation) {
        public Texts {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(preparation, "preparation");
        }
    }

    public ExamType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preparation, "preparation");
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        translations.keySet().forEach(language -> {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("exam type " + code + ": a translation's language is a two-letter"
                        + " ISO 639-1 code, not " + language);
            }
        });
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

    /** Without translations: the center's own texts in every language. */
    public ExamType(ExamTypeCode code, String name, Duration duration, String preparation,
                    Duration setUp, Duration turnover, Set<ResourceKind> needs) {
        this(code, name, duration, preparation, setUp, turnover, needs, Map.of());
    }

    /** The name in {@code language}, or the center's own where it wrote none in that language. */
    public String name(String language) {
        Texts texts = translations.get(language);
        return texts == null ? name : texts.name();
    }

    /** The preparation in {@code language}, or the center's own where it wrote none in that language. */
    public String preparation(String language) {
        Texts texts = translations.get(language);
        return texts == null ? preparation : texts.preparation();
    }

    /** How long a resource is held for one exam, buffers included. */
    public Duration occupancy() {
        return setUp.plus(duration).plus(turnover);
    }
}
