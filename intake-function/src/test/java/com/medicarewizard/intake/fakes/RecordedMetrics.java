package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.operations.PipelineFigures;
import com.medicarewizard.port.PipelineMetrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every set of figures written, as CloudWatch would receive them. */
public final class RecordedMetrics implements PipelineMetrics {
    private final List<PipelineFigures> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void record(PipelineFigures figures) {
        recorded.add(figures);
    }

    public List<PipelineFigures> recorded() {
        return List.copyOf(recorded);
    }
}
