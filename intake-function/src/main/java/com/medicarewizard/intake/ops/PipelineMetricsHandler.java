package com.medicarewizard.intake.ops;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.medicarewizard.domain.operations.PipelineFigures;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.port.PipelineMetrics;

/**
 * The scheduled Lambda (an EventBridge rule every minute) that reads the pipeline figures and writes
 * them through {@link PipelineMetrics} — CloudWatch Embedded Metric Format lines in AWS — so the
 * dashboards and alarms get a point every minute whether or not anyone reads {@code /ops/pipeline}.
 */
public final class PipelineMetricsHandler implements RequestHandler<ScheduledEvent, Void> {
    private final PipelineGauges gauges;
    private final PipelineMetrics metrics;

    /** @throws IllegalArgumentException when the intake has no operations ports (where the metrics go) */
    public PipelineMetricsHandler(Intake intake) {
        this.gauges = PipelineGauges.of(intake);
        this.metrics = intake.operations().orElseThrow(() -> new IllegalArgumentException(
                "the pipeline metrics need the operations ports")).metrics();
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        PipelineFigures figures = gauges.read();
        metrics.record(figures);
        return null;
    }
}
