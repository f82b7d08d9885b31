package com.medicarewizard.port;

import com.medicarewizard.domain.operations.PipelineFigures;

/**
 * Where the pipeline figures go for dashboards and alarms: CloudWatch (as Embedded Metric Format
 * log lines) in AWS; locally the operator endpoint shows them and nothing else is needed.
 */
@FunctionalInterface
public interface PipelineMetrics {

    PipelineMetrics NONE = figures -> { };

    void record(PipelineFigures figures);
}
