package com.medicarewizard.performance.load;

/** One of the load test's targets, whether the results meet it, and what was measured. */
record Target(String name, boolean passed, String measured) {
}
