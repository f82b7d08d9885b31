package com.medicarewizard.adapter.embedded.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.notifier.AvailabilityProjector;
import com.medicarewizard.notifier.AvailabilityProjectorHandler;
import com.medicarewizard.notifier.AvailabilityRebuild;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import com.medicarewizard.runtime.stream.DynamodbEventAssembler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Availability's read model converges on the ledger (docs/adr/0014): after a random sequence of claims,
 * releases, take-overs and hand-backs on the ledger, its stream records delivered to the projector's
 * handler in each key's order but interleaved across keys, in batches of mixed keys, some batches twice,
 * the summary holds exactly the ledger's taken cells for every resource and day, and availability reads
 * the same from both. A rebuild from the ledger mends a summary that missed records, and changes nothing
 * on one that did not. Plain JUnit over seeds (jqwik is not on this module's class path): a failing seed
 * is named in the test's name and replays exactly.
 */
class AvailabilityProjectionConvergenceTest {
    private static final List<ResourceId> RESOURCES = List.of(new ResourceId("MRI-1"), new ResourceId("RAD-1"));
    /** Two hours before midnight UTC to two after: claims that cross into the next day's summary item. */
    private static final Instant FROM = Instant.parse("2030-03-11T22:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofHours(4));
    private static final int CELLS = (int) (Duration.between(FROM, TO).toSeconds() / Cell.SIZE.toSeconds());

    @TempDir
    Path directory;

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 7_919L * i + 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSummaryEqualsTheLedgerWhateverTheDeliveryAndARebuildAgrees(long seed) throws IOException {
        Random random = new Random(seed);
        try (EmbeddedTable table = EmbeddedTables.open(directory, TableOptions.defaults().withSyncOnCommit(false))) {
            TableSlotLedger ledger = new TableSlotLedger(table);
            changeAtRandom(ledger, random, 40 + random.nextInt(80));
            List<DynamodbStreamRecord> records = records(table);
            TableTakenCells summary = new TableTakenCells(table);
            deliver(records, new AvailabilityProjectorHandler(new AvailabilityProjector(summary)), random);

            assertAgree(ledger, summary);
            AvailabilityRebuild rebuild = new AvailabilityRebuild(ledger, summary);
            assertThat(rebuild.run(RESOURCES, FROM, TO)).isEqualTo(new AvailabilityRebuild.Result(0, 0, 0));

            // a summary that missed some records (a batch given up on) is mended by the rebuild
            try (EmbeddedTable apart = EmbeddedTables.open(directory.resolve("apart"),
                    TableOptions.defaults().withSyncOnCommit(false))) {
                TableTakenCells missing = new TableTakenCells(apart);
                deliver(records.stream().filter(r -> random.nextInt(4) > 0).toList(),
                        new AvailabilityProjectorHandler(new AvailabilityProjector(missing)), random);
                AvailabilityRebuild.Result mended = new AvailabilityRebuild(ledger, missing).run(RESOURCES, FROM, TO);
                assertThat(mended.stillDiffering()).isZero();
                assertAgree(ledger, missing);
            }
        }
    }

    /** Random claims, moves' take-overs and hand-backs, and releases, by a few reservations over the span. */
    private static void changeAtRandom(TableSlotLedger ledger, Random random, int steps) {
        List<ReservationId> owners = Stream.generate(ReservationId::random).limit(6).toList();
        for (int i = 0; i < steps; i++) {
            ReservationId owner = owners.get(random.nextInt(owners.size()));
            ReservationId other = owners.get(random.nextInt(owners.size()));
            List<Cell> cells = someCells(random);
            switch (random.nextInt(4)) {
                case 0 -> ledger.claim(owner, cells);
                case 1 -> ledger.claimFrom(owner, other, cells);
                case 2 -> ledger.handBack(owner, other, cells);
                default -> ledger.release(owner, cells);
            }
        }
    }

    private static List<Cell> someCells(Random random) {
        ResourceId resource = RESOURCES.get(random.nextInt(RESOURCES.size()));
        int first = random.nextInt(CELLS - 8);
        Instant from = FROM.plus(Cell.SIZE.multipliedBy(first));
        return Cell.covering(resource, from, from.plus(Cell.SIZE.multipliedBy(1 + random.nextInt(8))));
    }

    /** Every stream record of the table so far, as Lambda receives them. */
    private static List<DynamodbStreamRecord> records(EmbeddedTable table) {
        List<StreamRecord> all = table.stream().read(0, Integer.MAX_VALUE);
        DynamodbEvent event = new DynamodbEventAssembler().assemble(all);
        return event.getRecords();
    }

    /**
     * Batches of a few records, each key's records in their order but the keys interleaved at random (as
     * shards and a mapping's parallel batches interleave them), a third of the batches delivered twice
     * (a redelivery after a failure or a timeout).
     */
    private static void deliver(List<DynamodbStreamRecord> records, AvailabilityProjectorHandler handler, Random random) {
        Map<String, Deque<DynamodbStreamRecord>> byKey = new LinkedHashMap<>();
        for (DynamodbStreamRecord record : records) {
            var keys = record.getDynamodb().getKeys();
            byKey.computeIfAbsent(keys.get("pk").getS() + "|" + keys.get("sk").getS(), k -> new ArrayDeque<>()).add(record);
        }
        List<Deque<DynamodbStreamRecord>> queues = new ArrayList<>(byKey.values());
        var context = LocalLambdaContext.startingNow(FunctionConfig.of(FunctionSpecs.AVAILABILITY_PROJECTOR.function()),
                Clock.systemUTC());
        while (queues.stream().anyMatch(q -> !q.isEmpty())) {
            List<DynamodbStreamRecord> batch = new ArrayList<>();
            for (int keys = 1 + random.nextInt(4); keys > 0; keys--) {
                List<Deque<DynamodbStreamRecord>> waiting = queues.stream().filter(q -> !q.isEmpty()).toList();
                if (waiting.isEmpty()) {
                    break;
                }
                Deque<DynamodbStreamRecord> queue = waiting.get(random.nextInt(waiting.size()));
                for (int n = 1 + random.nextInt(3); n > 0 && !queue.isEmpty(); n--) {
                    batch.add(queue.removeFirst());
                }
            }
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(batch);
            for (int times = random.nextInt(3) == 0 ? 2 : 1; times > 0; times--) {
                assertThat(handler.handleRequest(event, context).getBatchItemFailures()).isEmpty();
            }
        }
    }

    /** Per resource and day, the same cells; and availability's read of the span the same from both. */
    private static void assertAgree(TableSlotLedger ledger, TableTakenCells summary) {
        for (ResourceId resource : RESOURCES) {
            for (Instant day = FROM.truncatedTo(java.time.temporal.ChronoUnit.DAYS); day.isBefore(TO);
                 day = day.plus(Duration.ofDays(1))) {
                Instant end = day.plus(Duration.ofDays(1));
                Set<Cell> held = ledger.holders(List.of(resource), day, end).keySet();
                assertThat(summary.cells(List.of(resource), day, end)).as("%s on %s", resource, day).isEqualTo(held);
            }
        }
        TakenCells fromLedger = ledger.taken(RESOURCES, FROM, TO);
        TakenCells fromSummary = summary.taken(RESOURCES, FROM, TO);
        for (ResourceId resource : RESOURCES) {
            for (Instant t = FROM; t.isBefore(TO); t = t.plus(Cell.SIZE)) {
                Occupancy cell = new Occupancy(t, t.plus(Cell.SIZE));
                assertThat(fromSummary.isFree(resource, cell)).as("%s at %s", resource, t)
                        .isEqualTo(fromLedger.isFree(resource, cell));
            }
        }
    }
}
