package com.medicarewizard.domain.reservation;

import com.medicarewizard.domain.center.ResourceId;

import java.util.List;

/** The allocator's verdict on a reservation request. */
public sealed interface Decision permits Decision.Confirmed, Decision.Rejected {

    /** One resource of every needed kind is held for the whole occupancy. */
    record Confirmed(List<ResourceId> resources) implements Decision {
        public Confirmed {
            resources = List.copyOf(resources);
            if (resources.isEmpty()) {
                throw new IllegalArgumentException("a confirmation holds at least one resource");
            }
        }
    }

    record Rejected(RejectionReason reason) implements Decision {
    }
}
