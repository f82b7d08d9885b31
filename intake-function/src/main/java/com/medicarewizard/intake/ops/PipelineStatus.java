package com.medicarewizard.intake.ops;

import com.medicarewizard.domain.operations.PipelineFigures;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;

/**
 * {@code GET /api/v1/ops/pipeline} (operators only): the figures, read now from their sources
 * ({@link PipelineGauges}). Reading them records nothing: the {@link PipelineMetricsHandler} writes
 * them to {@code PipelineMetrics} on its schedule, whether or not anyone reads this route.
 */
public record PipelineStatus(PipelineGauges gauges) implements Route {

    @Override
    public Response handle(Request request) {
        return Response.json(200, Figures.of(gauges.read())).noStore();
    }

    /**
     * The figures as the API shows them. {@code streamLagSeconds} is a number in every answer, as the
     * v1 contract has always had it; whether it is known is {@code streamLagKnown} (false in AWS when
     * CloudWatch has no IteratorAge point of the notifier in the last minutes, or could not be read),
     * and a lag not known is given as 0, which the operator page shows as "—".
     */
    public record Figures(long queueDepth, long inFlight, double oldestAgeSeconds, long deadLetters,
                          double allocatorLagSeconds, double streamLagSeconds, boolean streamLagKnown,
                          double confirmedPerMinute, double rejectedPerMinute, long parkedNotifications,
                          long waitingPeak) {
        static Figures of(PipelineFigures f) {
            return new Figures(f.queueDepth(), f.inFlight(), f.oldestAgeSeconds(), f.deadLetters(),
                    f.allocatorLagSeconds(), f.streamLagSeconds().orElse(0), f.streamLagSeconds().isPresent(),
                    f.confirmedPerMinute(), f.rejectedPerMinute(), f.parkedNotifications(), f.waitingPeak());
        }
    }
}
