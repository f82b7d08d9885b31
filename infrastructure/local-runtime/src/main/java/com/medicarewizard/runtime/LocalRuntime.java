package com.medicarewizard.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.edge.ApiRoutes;
import com.medicarewizard.edge.local.LocalApiGateway;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalFunction;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.MappingConfig;
import com.medicarewizard.runtime.sqs.QueueUrls;
import com.medicarewizard.runtime.sqs.SqsEventSourceMapping;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline in one process: the same handler classes as on Lambda, wired to the embedded
 * stand-ins and driven as AWS drives them — HTTP through a local API Gateway to
 * the intake function, the reservation queue through an SQS event source mapping to the
 * allocator (one batch at a time), and a timer to the sweeper as an EventBridge schedule would.
 */
public final class LocalRuntime implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LocalRuntime.class);
    private final StandIns standIns;
    private final List<AutoCloseable> running = new ArrayList<>();
    private LocalApiGateway gateway;

    private LocalRuntime(StandIns standIns) {
        this.standIns = standIns;
    }

    public static LocalRuntime start(RuntimeConfig config) throws IOException {
        LocalRuntime runtime = new LocalRuntime(StandIns.open(config, Clock.systemUTC()));
        try {
            runtime.startFunctions(config);
            return runtime;
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void startFunctions(RuntimeConfig config) throws IOException {
        Functions functions = new Functions(standIns, config, Clock.systemUTC());
        var allocator = new LocalFunction<SQSEvent, SQSBatchResponse>(
                FunctionConfig.of("slot-allocator", RuntimeConfig.ALLOCATOR_TIMEOUT, 1024), functions.allocator());
        running.add(allocator);
        running.add(new SqsEventSourceMapping(standIns.sqs(), standIns.queueUrls().queueUrl(), allocator,
                new MappingConfig(10, Duration.ZERO)).start());
        scheduleSweeper(functions, config);
        FunctionConfig intake = FunctionConfig.of("intake", Duration.ofSeconds(29), 1024);
        var handler = functions.intake();
        // the edge Lambda scales out: each request runs at once, with its own Context, on the gateway's thread
        gateway = new LocalApiGateway(ApiRoutes.v1(),
                event -> handler.handleRequest(event, LocalLambdaContext.startingNow(intake, Clock.systemUTC())),
                "web").start(config.port());
        running.add(gateway);
    }

    private void scheduleSweeper(Functions functions, RuntimeConfig config) {
        var sweeper = new LocalFunction<ScheduledEvent, Integer>(
                FunctionConfig.of("pending-sweeper", Duration.ofSeconds(30), 256), functions.sweeper());
        running.add(sweeper);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("sweeper-schedule").daemon().factory());
        long period = Math.max(1, config.sweepAfter().toSeconds() / 2);
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweeper.invoke(new ScheduledEvent());
            } catch (RuntimeException e) {
                LOG.warn("sweep failed; the next one tries again: {}", e.toString());
            }
        }, period, period, TimeUnit.SECONDS);
        // the stream keeps 24 h of records; compaction is what lets older ones go
        timer.scheduleWithFixedDelay(this::compactTable, 1, 1, TimeUnit.HOURS);
        running.add(timer::shutdownNow);
    }

    private void compactTable() {
        try {
            standIns.table().compact();
        } catch (IOException | RuntimeException e) {
            LOG.warn("table compaction failed; the journal keeps everything meanwhile: {}", e.toString());
        }
    }

    public int port() {
        return gateway.port();
    }

    public Center center() {
        return standIns.catalog().current();
    }

    public Reservations reservations() {
        return standIns.reservations();
    }

    public SlotLedger ledger() {
        return standIns.ledger();
    }

    public EmbeddedTable table() {
        return standIns.table();
    }

    public SqsClient sqs() {
        return standIns.sqs();
    }

    public QueueUrls queueUrls() {
        return standIns.queueUrls();
    }

    /** Stops taking requests first, then the consumers, then the stand-ins. */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            closeQuietly(running.get(i));
        }
        running.clear();
        standIns.close();
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("while stopping: {}", e.toString());
        }
    }
}
