package com.medicarewizard.performance;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.adapter.dynamodb.KeptConnections;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.adapter.table.TableDecisions;
import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.allocator.AllocatorHandler;
import com.medicarewizard.allocator.ReservationAllocator;
import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.notifier.AvailabilityRebuild;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.TakenCellsView;
import com.medicarewizard.runtime.audit.LedgerAudit;
import com.medicarewizard.runtime.dynamodb.CapacityTotals;
import com.medicarewizard.runtime.dynamodb.DynamoDbEndpoint;
import com.medicarewizard.runtime.dynamodb.Faults;
import com.medicarewizard.runtime.dynamodb.Latency;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The AWS half at AWS latencies, on this machine: the DynamoDB adapters, through the AWS SDK, against
 * the local DynamoDB wire endpoint (the embedded table behind DynamoDB's protocol), every call held
 * back by a simulated latency ({@code mcw.bench.aws.latencyMs}, 5 ms by default, the low end of
 * DynamoDB's single-digit milliseconds within a region). It measures the allocator as one consumer
 * runs it (batches of ten, decided at once where their commands share nothing), the month of
 * availability a patient's page reads, and the spike the pipeline exists to absorb. The table's own
 * work is microseconds: what is measured is how many calls, one after another, each part makes, and
 * what the SDK and HTTP cost on two cores shared with the simulated server.
 */
final class AwsBenchmark implements AutoCloseable {
    private static final String TABLE = "medicarewizard-bench";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** As {@link AvailabilityBenchmark}: its center of 12 resources, a fixed "now" before the booked months. */
    private static final Instant NOW = Instant.parse("2027-01-04T06:00:00Z");
    private final Duration latency;
    private final Path directory;
    private final EmbeddedTable table;
    private final DynamoDbEndpoint endpoint;
    private final DynamoDbClient client;
    private final DynamoDbItemTable items;
    /** The month view's concurrent queries, as the intake's wiring issues them: a virtual thread each. */
    private final Center center = AvailabilityBenchmark.center();
    private final ExamType exam = center.examTypes().getFirst();
    private final Random random = new Random(42);
    private double monthReadUnits;
    private CapacityTotals lastTotals;
    private int lastCount;

    AwsBenchmark(Duration latency) throws IOException {
        KeptConnections.ensure(); // as the functions' clients keep them (AwsClients)
        this.latency = latency;
        this.directory = Files.createTempDirectory("mcw-aws-bench");
        // a simulation of DynamoDB's latency, not of its durability: no force per write
        this.table = EmbeddedTables.open(directory, TableOptions.defaults().withSyncOnCommit(false));
        this.endpoint = DynamoDbEndpoint.start(table, TABLE);
        this.client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint()).region(Region.EU_SOUTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30)).build())
                .build();
        this.items = new DynamoDbItemTable(client, TABLE);
    }

    static AwsBenchmark standard() throws IOException {
        return new AwsBenchmark(Duration.ofMillis(Long.getLong("mcw.bench.aws.latencyMs", 5)));
    }

    Duration latency() {
        return latency;
    }

    /** Seeding is not what is measured: it runs without the simulated latency (and mostly straight into the table). */
    private void simulate(boolean on) {
        if (on) {
            endpoint.capacity().reset();
            endpoint.faults().latency(Faults.ANY_OPERATION, Latency.fixed(latency));
        } else {
            endpoint.faults().clear(Faults.ANY_OPERATION);
            lastTotals = endpoint.capacity().totals();
        }
    }

    /** Decisions per second of one consumer deciding {@code count} requests spread over the horizon. */
    double allocatorDecisionsPerSecond(int count) {
        return count / timedDecisions(seedRequests(count, 170));
    }

    /**
     * Decides {@code count} requests on a table of their own, without the simulated latency, so that
     * what is measured next runs compiled, as in a consumer that has been deciding for a while: on two
     * cores the JIT takes tens of thousands of calls to finish, and a measure of the first ones is one
     * of the compiler. The measured table is left as it was.
     */
    static void warmUp(int count) throws IOException {
        try (AwsBenchmark warmUp = new AwsBenchmark(Duration.ZERO)) {
            warmUp.decide(warmUp.allocator(), warmUp.seedRequests(count, 170));
        }
    }

    /** The seconds one consumer takes to decide {@code requests} at the simulated latency, one after another. */
    private double timedDecisions(List<Reservation> requests) {
        ReservationAllocator allocator = allocator();
        simulate(true);
        long t0 = System.nanoTime();
        decide(allocator, requests);
        double seconds = (System.nanoTime() - t0) / 1e9;
        simulate(false);
        lastCount = requests.size();
        return seconds;
    }

    /** The seconds one consumer takes to decide {@code count} requests for the next two weeks (a spike), and its outcome. */
    Spike spike(int count) {
        List<Reservation> requests = seedRequests(count, 14);
        double seconds = timedDecisions(requests);
        TableReservations reservations = new TableReservations(items);
        int confirmed = 0;
        int pending = 0;
        for (int from = 0; from < requests.size(); from += Reservations.MAX_FIND_ALL) {
            List<ReservationId> ids = requests.subList(from, Math.min(requests.size(), from + Reservations.MAX_FIND_ALL))
                    .stream().map(Reservation::id).toList();
            for (Optional<Reservation> stored : reservations.findAll(ids)) {
                ReservationStatus status = stored.orElseThrow().status();
                confirmed += status == ReservationStatus.CONFIRMED ? 1 : 0;
                pending += status == ReservationStatus.PENDING ? 1 : 0;
            }
        }
        // no time given twice, every confirmed booking holding all its cells, nothing else held
        LedgerAudit.Findings audit = new LedgerAudit(center, new TableSlotLedger(table), new TableReservations(table)).run();
        return new Spike(count, seconds, confirmed, pending, audit.doubleBookings(), audit.breaches().size(),
                readModelWrites());
    }

    /**
     * What availability's read model costs to keep after the spike: its day items written through the
     * endpoint, one UpdateItem per claimed cell, as the projector writes them (the rebuild marks exactly
     * what the projector's claim records would), on days as full as the spike left them.
     */
    private ReadModelWrites readModelWrites() {
        List<ResourceId> resources = center.resources().stream().map(Resource::id).toList();
        Instant from = LocalDate.of(2027, 1, 5).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(17));
        endpoint.capacity().reset();
        var marked = new AvailabilityRebuild(new TableSlotLedger(items), new TableTakenCells(items)).run(resources, from, to);
        CapacityTotals.Operation updates = endpoint.capacity().totals().operations().get("UpdateItem");
        return new ReadModelWrites(marked.marked(), updates == null ? 0 : updates.writeUnits());
    }

    /** The spike's outcome, and what its bookings' cells cost the read model. */
    record Spike(int requests, double seconds, int confirmed, int undecided, int doubleBookings, int breaches,
                 ReadModelWrites readModel) {
    }

    /** The cells marked in availability's read model, and the write units their marks cost. */
    record ReadModelWrites(int cells, double writeUnits) {
        double perCell() {
            return cells == 0 ? 0 : writeUnits / cells;
        }
    }

    /**
     * The month view as the deployed intake reads it: availability's read model (docs/adr/0014) of one
     * exam's candidate resources over 31 days, eventually consistent, each resource's query at once, with
     * {@code bookings} booked over the horizon; then the calculation; {@code iterations} reads, the first
     * third a warm-up. The summary is seeded as an operator's rebuild would fill it, straight into the
     * table and not measured; its day items are whole UTC days, as the projector leaves them.
     */
    Figures availabilityMonth(int bookings, int iterations) {
        // seeded straight into the table behind the endpoint, not through it: the same items, in seconds
        TableSlotLedger seeded = new TableSlotLedger(table);
        AvailabilityBenchmark.book(seeded, center, exam, bookings);
        List<ResourceId> resources = center.resources().stream().map(Resource::id).toList();
        LocalDate from = LocalDate.of(2027, 2, 1);
        LocalDate to = from.plusDays(30);
        Instant spanFrom = from.atStartOfDay(ROME).toInstant().minus(exam.setUp());
        Instant spanTo = to.plusDays(1).atStartOfDay(ROME).toInstant().plus(exam.occupancy());
        new AvailabilityRebuild(seeded, new TableTakenCells(table)).run(resources,
                spanFrom.truncatedTo(ChronoUnit.DAYS), spanTo.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
        TakenCellsView summary = new TableTakenCells(items);
        AvailabilityCalculator calculator = new AvailabilityCalculator(BookingRules.of(center));
        simulate(true);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            TakenCells taken = summary.taken(resources, spanFrom, spanTo);
            calculator.compute(exam, center.sites(), from, to, NOW, taken);
            if (i >= iterations / 3) {
                nanos.add(System.nanoTime() - t0);
            }
        }
        simulate(false);
        lastCount = iterations;
        monthReadUnits = lastTotals.readUnits() / iterations;
        return Figures.of("aws availability month, %d bookings".formatted(bookings), nanos);
    }

    /** The read units of one month view, as the endpoint counts them by DynamoDB's rules. */
    String readUnitsPerMonth() {
        return "%.0f".formatted(monthReadUnits);
    }

    /** What the last measured part consumed per request (decision) or per read (month view). */
    String unitsPer(String what) {
        var totals = lastTotals;
        long calls = totals.operations().values().stream().mapToLong(CapacityTotals.Operation::calls).sum();
        String byOperation = totals.operations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(op -> "%s %.1f".formatted(op.getKey(), op.getValue().calls() / (double) lastCount))
                .collect(java.util.stream.Collectors.joining(", "));
        return "per %s: %.1f calls (%s), %.1f read units, %.1f write units (+ %.1f index writes)".formatted(what,
                calls / (double) lastCount, byOperation, totals.readUnits() / lastCount, totals.writeUnits() / lastCount,
                totals.indexWriteUnits() / lastCount);
    }

    private ReservationAllocator allocator() {
        return new ReservationAllocator(new TableReservations(items), new TableSlotLedger(items), new TableDecisions(items), () -> center,
                new ActiveBookingsLimit(1000), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), Decisions.MAX_CELLS,
                FunctionSpecs.ALLOCATOR.decidedAtOnce().aws() > 1);
    }

    /**
     * Decides the requests as the one consumer does: the allocator's handler given batches of the event
     * source's size, in order, each batch decided at once where its commands share nothing
     * ({@link AllocatorHandler}); saying every 250 how far it got.
     */
    private void decide(ReservationAllocator allocator, List<Reservation> requests) {
        int batchSize = FunctionSpecs.ALLOCATOR.queue().batchSize();
        int atOnce = FunctionSpecs.ALLOCATOR.decidedAtOnce().aws();
        AllocatorHandler handler = new AllocatorHandler(allocator,
                message -> new ReservationCommand(ReservationCommand.Type.DECIDE, new ReservationId(message.getBody()),
                        "bench"), new TableMessageFailures(items), Clock.fixed(NOW, ZoneOffset.UTC), atOnce);
        FunctionConfig function = FunctionConfig.of("allocator", Duration.ofSeconds(30), 512);
        long t0 = System.nanoTime();
        int decided = 0;
        int failed = 0;
        for (int from = 0; from < requests.size(); from += batchSize) {
            List<SQSEvent.SQSMessage> batch = new ArrayList<>();
            for (Reservation request : requests.subList(from, Math.min(from + batchSize, requests.size()))) {
                SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
                message.setMessageId("bench-" + request.id().value());
                message.setBody(request.id().value());
                message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
                batch.add(message);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(batch);
            failed += handler.handleRequest(event, LocalLambdaContext.startingNow(function, Clock.systemUTC()))
                    .getBatchItemFailures().size();
            int before = decided;
            decided += batch.size();
            if (decided / 250 > before / 250 && decided < requests.size()) {
                System.out.printf("  … %d of %d decided after %.0f s%n", decided, requests.size(),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " commands failed: the figures would not be of a working consumer");
        }
    }

    /** PENDING requests at random bookable starts within {@code days} days, as the intake records them. */
    private List<Reservation> seedRequests(int count, int days) {
        TableReservations reservations = new TableReservations(table);
        List<Reservation> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = randomStart(days);
            Reservation request = Reservation.request(ReservationId.random(), PatientId.random(), exam.code(),
                    center.sites().getFirst().id(), start, start.plus(exam.duration()), NOW, "bench-" + i);
            reservations.create(request, Optional.empty());
            requests.add(request);
        }
        return requests;
    }

    private Instant randomStart(int days) {
        LocalDate day;
        do {
            day = LocalDate.of(2027, 1, 6).plusDays(random.nextInt(days));
        } while (day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
        // the center's hours: 07:00-13:00 and 14:00-20:00; a start every quarter of an hour that ends in time
        int quarter = random.nextInt(44);
        int minutes = quarter < 22 ? 7 * 60 + 15 * quarter : 14 * 60 + 15 * (quarter - 22);
        return day.atStartOfDay(ROME).plusMinutes(minutes).toInstant();
    }

    @Override
    public void close() throws IOException {
        client.close();
        endpoint.close();
        table.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
