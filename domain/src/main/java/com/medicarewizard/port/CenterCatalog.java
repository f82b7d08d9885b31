package com.medicarewizard.port;

import com.medicarewizard.domain.center.Center;

/** The center's configuration (sites, exam types, resources, hours, closures, policy). */
public interface CenterCatalog {

    Center current();
}
