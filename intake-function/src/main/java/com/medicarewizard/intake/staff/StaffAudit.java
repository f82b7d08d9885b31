package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.staff.StaffMember;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a member the audit trail shows before and after a change: never a hash. */
final class StaffAudit {
    private StaffAudit() {
    }

    static String subject(StaffMember member) {
        return "staff/" + member.id().value();
    }

    static Map<String, String> fields(StaffMember m) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", m.email().value());
        fields.put("name", m.name());
        fields.put("role", m.role().wire());
        fields.put("active", Boolean.toString(m.active()));
        return fields;
    }
}
