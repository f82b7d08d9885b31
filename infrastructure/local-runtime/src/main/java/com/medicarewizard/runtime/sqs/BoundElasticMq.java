package com.medicarewizard.runtime.sqs;

import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.Limits;
import org.elasticmq.NodeAddress;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.server.config.ElasticMQServerConfig;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.FutureConverters;

/**
 * ElasticMQ put together as its {@code ElasticMQServer} does (queue manager and REST server, queues
 * in memory), but able to bind port 0 and read the port the OS chose
 * back from the binding. {@code ElasticMQServer} hides its binding, so a caller had to find a free
 * port first and lose it to any process binding it in between.
 *
 * <p>Every request passes a {@link QueueAccess} first ({@link GuardedHttp}): only the pipeline's own
 * SDK clients get through.
 *
 * <p>Queue URLs are built from each request's address (ElasticMQ's wildcard node address): the
 * server's own address is known only after binding, and ElasticMQ records it in a callback that
 * may run after the first request is answered.
 */
final class BoundElasticMq {

    private static final String WILDCARD_HOST = "*";
    /**
     * How long requests in flight may take to finish when the server stops. ElasticMQ's own stop
     * allows them a minute and gives up waiting for itself after the same minute, so a request
     * that never finished (seen after a mapping was closed in the middle of a delete) made the
     * stop throw; the stand-in's clients are gone by then anyway, but for the allocator's poller,
     * whose long poll (up to 20 s) would otherwise hold every stop for the whole deadline.
     */
    private static final FiniteDuration STOP_DEADLINE = FiniteDuration.create(1, TimeUnit.SECONDS);

    private final ActorSystem actors;
    private final Http.ServerBinding binding;

    private BoundElasticMq(ActorSystem actors, Http.ServerBinding binding) {
        this.actors = actors;
        this.binding = binding;
    }

    /**
     * Starts the server on {@code config}'s bind host, its queues in memory (no persistence actor:
     * the durable record of every request is the table's; see docs/adr/0009).
     *
     * @param port the port to bind, or 0 for one the OS picks
     * @param access what a request must show to reach ElasticMQ
     */
    static BoundElasticMq start(ElasticMQServerConfig config, int port, QueueAccess access) {
        ActorSystem actors = ActorSystem.create("elasticmq");
        try {
            GuardedHttp.install(actors, access);
        } catch (RuntimeException e) {
            actors.terminate();
            throw e;
        }
        Limits limits = (Limits) config.restSqs().sqsLimits();
        ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), limits,
                Option.<ActorRef>empty()));
        NodeAddress requestAddress = config.nodeAddress().copy(config.nodeAddress().protocol(), WILDCARD_HOST,
                0, config.nodeAddress().contextPath());
        SQSRestServer rest = new TheSQSRestServerBuilder(Option.apply(actors), Option.apply(queues),
                config.restSqs().bindHostname(), port, requestAddress, false, limits, config.awsRegion(),
                config.awsAccountId(), Option.<ActorRef>empty(), config.autoCreateQueues()).start();
        return new BoundElasticMq(actors, rest.waitUntilStarted());
    }

    /** The port the REST server is bound to. */
    int port() {
        return binding.localAddress().getPort();
    }

    /** Unbinds the REST server, then stops the actors. */
    void stop() {
        try {
            FutureConverters.asJava(binding.terminate(STOP_DEADLINE)).toCompletableFuture().join();
        } finally {
            actors.terminate();
            actors.getWhenTerminated().toCompletableFuture().join();
        }
    }
}
