package com.medicarewizard.domain.staff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One staff action in the audit trail: who did it ({@code actor}, a staff id or {@link #BOOTSTRAP}),
 * what ({@code action}, e.g. {@code staff.created}), on what ({@code subject}, e.g. {@code staff/<id>}),
 * when, and what it changed: the fields before and after. It is written in the same transaction as
 * the change itself, so a change is never stored without its entry, nor an entry without its change.
 * It names patients by id only and holds no personal data of theirs.
 */
public record AuditEntry(String id, Instant at, String actor, String actorEmail, String action, String subject,
                         Map<String, String> before, Map<String, String> after) {
    /** The actor of what the bootstrap command did, before any administrator existed. */
    public static final String BOOTSTRAP = "bootstrap";
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]*(\\.[a-z][a-z-]*)+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorEmail, "actor e-mail");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an action is dotted lower-case words: " + action);
        }
        before = fields(before);
        after = fields(after);
    }

    /** An entry of {@code by}'s action, now. */
    public static AuditEntry of(StaffMember by, Instant at, String action, String subject,
                                Map<String, String> before, Map<String, String> after) {
        return new AuditEntry(UUID.randomUUID().toString(), at, by.id().value(), by.email().value(), action, subject,
                before, after);
    }

    private static Map<String, String> fields(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        fields.forEach((name, value) -> {
            if (!FIELD.matcher(name).matches()) {
                throw new IllegalArgumentException("a field name is a word of letters and digits: " + name);
            }
            Objects.requireNonNull(value, name);
        });
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
