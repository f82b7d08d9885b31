package com.medicarewizard.runtime.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.elasticmq.server.config.ElasticMQServerConfig;

/**
 * The SQS stand-in: ElasticMQ embedded, bound to 127.0.0.1, its queues kept in memory. The queue
 * is not where a request's durability lies: the intake answers 202 only once the request's PENDING
 * record is forced to the table's journal, and a start re-queues every request the table holds as
 * waiting for the allocator ({@code runtime.QueueRefill}), so what a killed process or a power loss
 * takes from the queue comes back from the table (docs/adr/0009). Keeping the queue in ElasticMQ's
 * H2 store instead cost a file write per send, receive and delete, serialised, on the 202's path.
 *
 * <p>It answers only requests signed with its {@link #credentials()} (random per start unless
 * given): no other local user, process or web page can read, send or delete its messages or queues.
 */
public final class EmbeddedSqsServer implements AutoCloseable {

    /** Region the queue ARNs and the event source ARNs are built with. */
    public static final String REGION = "eu-south-1";
    /** Account id ElasticMQ puts in queue URLs and ARNs. */
    public static final String ACCOUNT_ID = "000000000000";

    private static final Logger LOG = LogManager.getLogger(EmbeddedSqsServer.class);
    private static final String HOST = "127.0.0.1";

    private final URI endpoint;
    private final QueueCredentials credentials;
    private final BoundElasticMq server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedSqsServer(BoundElasticMq server, QueueCredentials credentials) {
        this.endpoint = URI.create("http://" + HOST + ":" + server.port());
        this.credentials = credentials;
        this.server = server;
    }

    /**
     * Starts a server.
     *
     * @param port the port to bind on 127.0.0.1, or 0 for one the OS picks (read back from the
     *     binding, so no other process can take it between choosing and binding)
     */
    public static EmbeddedSqsServer start(int port) {
        return start(port, QueueCredentials.random());
    }

    /**
     * Starts a server that answers only requests signed with {@code credentials} (for a test whose
     * clients cannot be given random ones).
     */
    public static EmbeddedSqsServer start(int port, QueueCredentials credentials) {
        var config = new ElasticMQServerConfig(config());
        var started = new EmbeddedSqsServer(BoundElasticMq.start(config, port, new QueueAccess(credentials)),
                credentials);
        LOG.info("SQS stand-in listening on {}, queues in memory", started.endpoint);
        return started;
    }

    /** The endpoint an {@code SqsClient} should use as its endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** What the SDK clients of this run sign with: the only requests the server answers. */
    public QueueCredentials credentials() {
        return credentials;
    }

    /** Stops HTTP and actors. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop();
        LOG.info("SQS stand-in on {} stopped", endpoint);
    }

    private static Config config() {
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("node-address.protocol", "http"),
                Map.entry("node-address.context-path", ""),
                Map.entry("rest-sqs.enabled", true),
                Map.entry("rest-sqs.bind-hostname", HOST),
                Map.entry("rest-sqs.sqs-limits", "strict"),
                Map.entry("aws.region", REGION),
                Map.entry("aws.accountId", ACCOUNT_ID),
                Map.entry("messages-storage.enabled", false));
        return ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load()).resolve();
    }
}
