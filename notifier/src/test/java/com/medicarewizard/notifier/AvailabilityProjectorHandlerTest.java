package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.port.TakenCellsSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The projector's stream handler over real stream events: claims marked and freed in order, other items skipped. */
class AvailabilityProjectorHandlerTest {
    private static final ResourceId MRI = new ResourceId("MRI-1");
    private static final Instant QUARTER_PAST = Instant.parse("2030-03-11T09:15:00Z");
    private static final Instant TWENTY_PAST = Instant.parse("2030-03-11T09:20:00Z");

    private final Recorded summary = new Recorded();
    private final AvailabilityProjectorHandler handler = new AvailabilityProjectorHandler(new AvailabilityProjector(summary));

    @Test
    void marksClaimedAndTakenOverCellsFreesReleasedOnesAndSkipsOtherItems() {
        StreamsEventResponse response = handler.handleRequest(StreamRecords.event("batch-claims"), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(summary.changes).containsExactly("taken " + cell(QUARTER_PAST), "taken " + cell(TWENTY_PAST),
                "taken " + cell(TWENTY_PAST), "free " + cell(QUARTER_PAST));
    }

    @Test
    void stopsAtAClaimItCannotReadAndReportsItAndTheLaterOnes() {
        StreamsEventResponse response = handler.handleRequest(StreamRecords.event("batch-claim-poison"),
                new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("555000000000000000000002", "555000000000000000000003");
        assertThat(summary.changes).containsExactly("taken " + cell(QUARTER_PAST));
    }

    @Test
    void aNotifierRecordOfAClaimIsNoOutcomeAndAReservationIsNoClaim() {
        assertThat(ClaimChange.of(StreamRecords.record("insert-claim"))).contains(new ClaimChange(cell(QUARTER_PAST), true));
        assertThat(ClaimChange.of(StreamRecords.record("modify-confirmed"))).isEmpty();
    }

    private static Cell cell(Instant start) {
        return new Cell(MRI, start);
    }

    /** What the projector asked of the summary, in order. */
    private static final class Recorded implements TakenCellsSummary {
        final List<String> changes = new ArrayList<>();

        @Override
        public void markTaken(Cell cell) {
            changes.add("taken " + cell);
        }

        @Override
        public void markFree(Cell cell) {
            changes.add("free " + cell);
        }

        @Override
        public Set<Cell> cells(Collection<ResourceId> resources, Instant from, Instant to) {
            throw new UnsupportedOperationException("the projector never reads");
        }

        @Override
        public TakenCells taken(Collection<ResourceId> resources, Instant from, Instant to) {
            throw new UnsupportedOperationException("the projector never reads");
        }
    }
}
