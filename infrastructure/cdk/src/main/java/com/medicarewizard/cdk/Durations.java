package com.medicarewizard.cdk;

import software.amazon.awscdk.Duration;

/** The specs' {@link java.time.Duration}s as the CDK takes them. */
final class Durations {

    private Durations() {
    }

    /** Whole seconds: every duration CloudFormation takes here is one. */
    static Duration of(java.time.Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(duration + " is not a whole number of seconds");
        }
        return Duration.seconds(duration.toSeconds());
    }
}
