package com.medicarewizard.intake.http;

import com.medicarewizard.domain.staff.StaffMember;

/** A use case for a member of staff: the dispatcher hands it the member behind the request's session. */
@FunctionalInterface
public interface StaffRoute {
    Response handle(Request request, StaffMember caller);
}
