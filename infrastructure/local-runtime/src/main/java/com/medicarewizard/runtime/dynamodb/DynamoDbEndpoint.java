package com.medicarewizard.runtime.dynamodb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/**
 * An HTTP endpoint that speaks DynamoDB's wire protocol (AWS JSON 1.0: {@code POST /},
 * {@code X-Amz-Target: DynamoDB_20120810.<Operation>}) and the DynamoDB Streams API
 * ({@code DynamoDBStreams_20120810.<Operation>}) for one table, served by an {@link EmbeddedTable}
 * and its change stream — so that the AWS SDK clients, the DynamoDB adapters and the Lambda entries
 * run against it unchanged, with an endpoint override. It serves what they use and what dynalite
 * lacks: TransactWriteItems with cancellation reasons, and the stream. See the package
 * documentation for the operations and an example.
 *
 * <p>As the service does, it refuses unsigned requests ({@code MissingAuthenticationTokenException};
 * the signature itself is not checked), answers errors as HTTP 400 with {@code __type} and
 * {@code message}, and sends {@code x-amz-crc32} (which the SDK verifies) and
 * {@code x-amzn-RequestId} with every answer. {@link #faults()} injects latency, throttling,
 * transaction conflicts and hangs while it runs; {@link #capacity()} counts the read and write
 * units the calls would consume on DynamoDB.
 */
public final class DynamoDbEndpoint implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(DynamoDbEndpoint.class);
    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private final ObjectMapper json = new ObjectMapper();
    private final Faults faults = new Faults();
    private final CapacityMeter capacity = new CapacityMeter();
    private final TableApi tables;
    private final StreamsApi streams;
    private final HttpServer server;
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);

    /**
     * Answers leave at once, as DynamoDB's do. The JDK's server writes an answer's headers and its body in
     * two writes; with Nagle's algorithm on, a body that fits in one segment waits for the client's
     * acknowledgement of the headers, which the client delays (40 ms on Linux): a stall of its own on every
     * such answer, larger than the latency a benchmark means to simulate (a month of availability's read
     * model took 55 ms a query at 5 ms per call). The server reads the property once, when the first
     * server of the JVM starts; one set on the command line stays as it is.
     */
    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private DynamoDbEndpoint(EmbeddedTable table, String tableName, InetSocketAddress address) throws IOException {
        this.tables = new TableApi(table, tableName, EmbeddedSqsServer.REGION, EmbeddedSqsServer.ACCOUNT_ID, faults,
                capacity);
        this.streams = new StreamsApi(table.stream(), tableName, tables.streamArn(), EmbeddedSqsServer.REGION,
                Clock.systemUTC());
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::exchange);
        server.setExecutor(exchanges);
        server.start();
    }

    /**
     * Serves {@code table} as the DynamoDB table {@code tableName} (with its stream) on
     * {@code address} at {@code port} (0: a free one; see {@link #endpoint()}). The table stays the
     * caller's: closing the endpoint does not close it.
     *
     * @throws IllegalArgumentException if {@code address} is not a loopback address: the endpoint
     *     checks no signature, so it must not be reachable from other machines
     */
    public static DynamoDbEndpoint start(EmbeddedTable table, String tableName, InetAddress address, int port)
            throws IOException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(tableName, "tableName");
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the endpoint listens on a loopback address only, not " + address);
        }
        DynamoDbEndpoint endpoint = new DynamoDbEndpoint(table, tableName, new InetSocketAddress(address, port));
        LOG.info("DynamoDB endpoint for table {} listening on {}", tableName, endpoint.endpoint());
        return endpoint;
    }

    /** Serves {@code table} as {@code tableName} on 127.0.0.1 at a free port. */
    public static DynamoDbEndpoint start(EmbeddedTable table, String tableName) throws IOException {
        return start(table, tableName, InetAddress.getLoopbackAddress(), 0);
    }

    /** The address to give an SDK client's {@code endpointOverride}, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** The ARN of the table's stream, as DescribeTable names it in {@code LatestStreamArn}. */
    public String streamArn() {
        return tables.streamArn();
    }

    /** The faults injected into this endpoint's answers, settable while it runs. */
    public Faults faults() {
        return faults;
    }

    /**
     * The capacity units the calls so far would have consumed on DynamoDB, in all and per
     * operation; a request that sets {@code ReturnConsumedCapacity} gets its own in the answer.
     */
    public CapacityMeter capacity() {
        return capacity;
    }

    /** Stops listening, drops the calls still hung; the table stays open. */
    @Override
    public void close() {
        closing.countDown();
        faults.clear();
        server.stop(0);
        exchanges.shutdownNow();
    }

    private void exchange(HttpExchange exchange) {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            Answer answer = answer(exchange, target);
            if (answer != null) {
                send(exchange, answer.status(), answer.body());
            }
        } catch (IOException e) {
            LOG.debug("DynamoDB endpoint: a call could not be answered: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("DynamoDB endpoint: a call failed", e);
        }
    }

    private record Answer(int status, ObjectNode body) {
    }

    /** The answer to the call, {@code null} when it hung and is dropped. */
    private Answer answer(HttpExchange exchange, String target) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw WireError.serialization("DynamoDB is called with POST /, not " + exchange.getRequestMethod());
            }
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                throw WireError.missingAuthentication();
            }
            JsonNode request = read(exchange.getRequestBody());
            if (target.startsWith(DYNAMODB)) {
                String operation = target.substring(DYNAMODB.length());
                return faulted(operation) ? null : new Answer(200, tables.handle(operation, request));
            }
            if (target.startsWith(STREAMS)) {
                String operation = target.substring(STREAMS.length());
                return faulted(operation) ? null : new Answer(200, streams.handle(operation, request));
            }
            throw WireError.unknownOperation(target);
        } catch (WireError e) {
            return new Answer(e.status(), e.body());
        } catch (RuntimeException e) {
            LOG.error("DynamoDB endpoint: {} failed", target, e);
            WireError error = WireError.internal("Internal server error: " + e);
            return new Answer(error.status(), error.body());
        }
    }

    /**
     * Applies the faults set for the operation: waits out its latency, throws its throttling error;
     * returns whether the call hung (until cleared) and must be dropped.
     */
    private boolean faulted(String operation) {
        Optional<CountDownLatch> hang = faults.hung(operation);
        if (hang.isPresent()) {
            awaitEither(hang.get());
            return true;
        }
        Duration delay = faults.delay(operation);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        faults.throttle(operation).ifPresent(error -> {
            throw error;
        });
        return false;
    }

    private void awaitEither(CountDownLatch hang) {
        try {
            while (!hang.await(100, java.util.concurrent.TimeUnit.MILLISECONDS) && closing.getCount() > 0) {
                // hung until the fault is cleared or the endpoint closes
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode read(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        try {
            JsonNode request = json.readTree(bytes);
            if (request == null || !request.isObject()) {
                throw WireError.serialization("The request body is not a JSON object");
            }
            return request;
        } catch (JacksonException e) {
            throw WireError.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
