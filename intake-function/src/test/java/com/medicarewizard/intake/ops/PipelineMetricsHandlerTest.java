package com.medicarewizard.intake.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.operations.PipelineFigures;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestContext;
import com.medicarewizard.port.ReservationQueue.QueueFigures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The scheduled handler writes the pipeline figures to the metrics, with nobody reading /ops/pipeline. */
class PipelineMetricsHandlerTest {
    private static final String OPS_TOKEN = "ops-secret-0123456789abcdef";
    private final Api api = new Api(IntakeConfig.fromEnvironment(Map.of("MCW_OPS_TOKEN", OPS_TOKEN)));
    private final PipelineMetricsHandler handler = new PipelineMetricsHandler(api.intake);

    @Test
    void eachRunWritesTheFiguresReadFromTheirSources() {
        api.queue.figures(new QueueFigures(4, 1, 2));
        api.streamLag = 0.75;
        String token = api.patientToken();
        api.book(token, "2027-03-02T10:00:00+01:00");
        String decided = api.book(token, "2027-03-02T11:00:00+01:00");
        api.clock.advance(Duration.ofSeconds(3));
        api.decide(decided, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        api.clock.advance(Duration.ofSeconds(7));

        handler.handleRequest(new ScheduledEvent(), new TestContext());

        PipelineFigures figures = api.metrics.recorded().getFirst();
        assertThat(figures.at()).isEqualTo(api.clock.instant());
        assertThat(figures.queueDepth()).isEqualTo(4);
        assertThat(figures.inFlight()).isEqualTo(1);
        assertThat(figures.deadLetters()).isEqualTo(2);
        assertThat(figures.oldestAgeSeconds()).isEqualTo(10.0);
        assertThat(figures.allocatorLagSeconds()).isEqualTo(3.0);
        assertThat(figures.streamLagSeconds()).hasValue(0.75);
        assertThat(figures.confirmedPerMinute()).isEqualTo(1.0);
        assertThat(figures.rejectedPerMinute()).isZero();
    }

    @Test
    void writesOneSetOfFiguresPerRunAndReadingTheRouteWritesNone() {
        handler.handleRequest(new ScheduledEvent(), new TestContext());
        api.clock.advance(Duration.ofMinutes(1));
        handler.handleRequest(new ScheduledEvent(), new TestContext());

        assertThat(api.send(Req.get("/api/v1/ops/pipeline").bearer(OPS_TOKEN)).status()).isEqualTo(200);

        assertThat(api.metrics.recorded()).extracting(PipelineFigures::at)
                .containsExactly(api.clock.instant().minus(Duration.ofMinutes(1)), api.clock.instant());
    }

    @Test
    void needsTheOperationsPortsToKnowWhereTheMetricsGo() {
        Intake without = new Intake(api.intake.catalog(), api.intake.ledger(), api.intake.reservations(),
                api.intake.queue(), api.intake.patients(), api.intake.tokens(), api.intake.rateLimits(),
                api.intake.config(), api.intake.clock());

        assertThatThrownBy(() -> new PipelineMetricsHandler(without)).isInstanceOf(IllegalArgumentException.class);
    }
}
