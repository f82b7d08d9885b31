package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The writer of the operators' figures as CloudWatch metrics. AWS only: locally the figures go
 * nowhere but the operator route and page, which read them on demand.
 *
 * @param function the function (its local timeout is unused)
 * @param every    how often it writes a point
 */
public record PipelineMetricsSpec(FunctionSpec function, Duration every) {

    public PipelineMetricsSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(every, "every");
    }
}
