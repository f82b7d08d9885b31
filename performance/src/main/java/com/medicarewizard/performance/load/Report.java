package com.medicarewizard.performance.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the report shows: the scenarios present, the password hash cost measured by
 * {@link HashCost} (if it ran) and each scenario's chart file names.
 */
record Report(List<Scenario> scenarios, Optional<Properties> hashCost, Map<String, List<String>> charts) {

    List<Target> targets() {
        return Targets.of(scenarios, hashCost);
    }

    Optional<Scenario> scenario(String name) {
        return Targets.find(scenarios, name);
    }
}
