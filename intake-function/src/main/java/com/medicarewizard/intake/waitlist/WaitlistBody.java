package com.medicarewizard.intake.waitlist;

import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.waitlist.WaitlistEntry;

import java.util.Optional;

/** A waitlist entry as the API shows it: what is waited for, since when, and how many times were offered. */
public record WaitlistBody(String id, String examType, Optional<String> site, String before, String joinedAt,
                           int offered) {
    public static WaitlistBody of(WaitlistEntry entry) {
        return new WaitlistBody(entry.id(), entry.examType().value(), entry.site().map(SiteId::value),
                entry.before().toString(), entry.joinedAt().toString(), entry.offered().size());
    }
}
