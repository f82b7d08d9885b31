package com.medicarewizard.runtime.sqs;

import com.medicarewizard.adapter.embedded.PrivateFiles;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scalikejdbc.ConnectionPool;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS stand-in: ElasticMQ embedded, bound to 127.0.0.1, with queues and messages kept in an
 * H2 file under a data directory so that a restart finds what was left in the queues. It answers
 * only requests signed with its {@link #credentials()} (random per start unless given): no other
 * local user, process or web page can read, send or delete its messages or queues.
 *
 * <p>ElasticMQ keeps its H2 connection pool in a JVM-wide scalikejdbc singleton that it
 * initialises only once per JVM; this class re-points that pool at its own file on every start
 * and closes it on {@link #close()}. Hence only one server may be open per JVM at a time.
 */
public final class EmbeddedSqsServer implements AutoCloseable {

    /** Region the queue ARNs and the event source ARNs are built with. */
    public static final String REGION = "eu-south-1";
    /** Account id ElasticMQ puts in queue URLs and ARNs. */
    public static final String ACCOUNT_ID = "000000000000";

    private static final Logger LOG = LogManager.getLogger(EmbeddedSqsServer.class);
    private static final String HOST = "127.0.0.1";
    private static final AtomicBoolean OPEN_IN_THIS_JVM = new AtomicBoolean();
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);
    private static final long RESTORE_POLL_NANOS = Duration.ofMillis(20).toNanos();

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
     * @param dataDirectory where the H2 message store lives (created if missing)
     * @param port the port to bind on 127.0.0.1, or 0 for one the OS picks (read back from the
     *     binding, so no other process can take it between choosing and binding)
     */
    public static EmbeddedSqsServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, QueueCredentials.random());
    }

    /**
     * Starts a server that answers only requests signed with {@code credentials} (for a test whose
     * clients cannot be given random ones).
     */
    public static EmbeddedSqsServer start(Path dataDirectory, int port, QueueCredentials credentials) {
        if (!OPEN_IN_THIS_JVM.compareAndSet(false, true)) {
            throw new IllegalStateException("an EmbeddedSqsServer is already open in this JVM");
        }
        try {
            String jdbcUrl = jdbcUrl(dataDirectory);
            StoredContents stored = StoredContents.read(jdbcUrl);
            pointConnectionPoolAt(jdbcUrl);
            var config = new ElasticMQServerConfig(config(jdbcUrl));
            var started = new EmbeddedSqsServer(BoundElasticMq.start(config, port, RESTORE_TIMEOUT,
                    new QueueAccess(credentials)), credentials);
            started.awaitRestored(stored);
            LOG.info("SQS stand-in listening on {}, {} in {}", started.endpoint, stored, dataDirectory);
            return started;
        } catch (RuntimeException e) {
            ConnectionPool.closeAll();
            OPEN_IN_THIS_JVM.set(false);
            throw e;
        }
    }

    /**
     * Waits until the endpoint lists every stored queue and counts every stored message: ElasticMQ
     * restores them in the background, and a client arriving earlier would find queues missing
     * (QueueSetup would then create one that the restore fails on as already existing).
     */
    private void awaitRestored(StoredContents stored) {
        long deadline = System.nanoTime() + RESTORE_TIMEOUT.toNanos();
        try (SqsClient sqs = LocalSqsClients.forServer(this)) {
            while (!restored(sqs, stored)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ElasticMQ did not restore " + stored + " in " + RESTORE_TIMEOUT);
                }
                LockSupport.parkNanos(RESTORE_POLL_NANOS);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static boolean restored(SqsClient sqs, StoredContents stored) {
        List<String> queueUrls = sqs.listQueues().queueUrls();
        if (queueUrls.size() < stored.queues()) {
            return false;
        }
        long messages = queueUrls.stream().mapToLong(url -> QueueFigures.counts(sqs, url).total()).sum();
        return messages >= stored.messages();
    }

    /** The endpoint an {@code SqsClient} should use as its endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** What the SDK clients of this run sign with: the only requests the server answers. */
    public QueueCredentials credentials() {
        return credentials;
    }

    /** Stops HTTP and actors, then closes the H2 pool so that the file is flushed and released. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } finally {
            ConnectionPool.closeAll();
            OPEN_IN_THIS_JVM.set(false);
            LOG.info("SQS stand-in on {} stopped", endpoint);
        }
    }

    private static Config config(String jdbcUrl) {
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("node-address.protocol", "http"),
                Map.entry("node-address.context-path", ""),
                Map.entry("rest-sqs.enabled", true),
                Map.entry("rest-sqs.bind-hostname", HOST),
                Map.entry("rest-sqs.sqs-limits", "strict"),
                Map.entry("aws.region", REGION),
                Map.entry("aws.accountId", ACCOUNT_ID),
                Map.entry("messages-storage.enabled", true),
                Map.entry("messages-storage.uri", jdbcUrl),
                Map.entry("messages-storage.prune-data-on-init", false));
        return ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load()).resolve();
    }

    /**
     * WRITE_DELAY=0 makes H2 write every commit to the file at once, so a killed process loses
     * no acknowledged send or delete (the default delay would lose up to half a second of them).
     * DB_CLOSE_ON_EXIT=FALSE keeps H2's own shutdown hook from closing the store under ElasticMQ
     * while the runtime's hook is still stopping the consumers: {@link #close()} closes it last.
     */
    private static String jdbcUrl(Path dataDirectory) {
        try {
            PrivateFiles.directory(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("elasticmq") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** ElasticMQ sets the pool only on its first start in a JVM: set it ourselves on each start. */
    private static void pointConnectionPoolAt(String jdbcUrl) {
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        ConnectionPoolSettings settings = pools.singleton$default$4();
        pools.singleton(jdbcUrl, "", "", settings, pools.singleton$default$5(jdbcUrl, "", "", settings));
    }
}
