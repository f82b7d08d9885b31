package com.medicarewizard.runtime.sqs;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.scaladsl.ConnectionContext;
import org.apache.pekko.http.scaladsl.Http;
import org.apache.pekko.http.scaladsl.Http$;
import org.apache.pekko.http.scaladsl.HttpExt;
import org.apache.pekko.http.scaladsl.model.HttpRequest;
import org.apache.pekko.http.scaladsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.scaladsl.Flow;
import scala.concurrent.Future;

/**
 * Pekko's HTTP extension for ElasticMQ's actor system, binding every server behind a
 * {@link QueueAccess}: a request it refuses is answered 403 and never reaches ElasticMQ's route.
 *
 * <p>ElasticMQ builds its route and binds it inside {@code TheSQSRestServerBuilder.start()}, with no
 * way to put a directive in front; what it asks for is this actor system's {@code Http} extension.
 * So the extension is registered here, before ElasticMQ starts, through the actor system's
 * extension table — Pekko offers no public call to register a ready instance. {@link #install}
 * checks that the system then answers this instance, so a Pekko that changed its internals fails
 * the start instead of serving an open queue.
 */
final class GuardedHttp extends HttpExt {

    private static final String REFUSED = "{\"__type\":\"com.amazonaws.sqs#AccessDenied\","
            + "\"message\":\"only the pipeline of this run may use this queue\"}";

    private final QueueAccess access;

    private GuardedHttp(ExtendedActorSystem system, QueueAccess access) {
        super(system.settings().config().getConfig("pekko.http"), system);
        this.access = access;
    }

    /** Makes {@code access} guard every server bound on {@code actors} from now on. */
    static void install(ActorSystem actors, QueueAccess access) {
        ExtendedActorSystem system = (ExtendedActorSystem) actors;
        GuardedHttp guarded = new GuardedHttp(system, access);
        if (extensionTable(system).putIfAbsent(Http$.MODULE$, guarded) != null || Http$.MODULE$.get(actors) != guarded) {
            throw new IllegalStateException("the queue's HTTP extension could not be guarded");
        }
    }

    @Override
    public Future<Http.ServerBinding> bindAndHandleImpl(Flow<HttpRequest, HttpResponse, Object> handler,
                                                       String interfaceName, int port, ConnectionContext context,
                                                       ServerSettings settings, LoggingAdapter log,
                                                       Materializer materializer) {
        var route = handler.asJava();
        var guarded = org.apache.pekko.stream.javadsl.Flow.<HttpRequest>create()
                .mapAsync(1, request -> access.admits(request)
                        ? Source.single(request).via(route).runWith(Sink.head(), materializer)
                        : CompletableFuture.completedFuture(refused(request, materializer)));
        return super.bindAndHandleImpl(anyMaterializedValue(guarded.asScala()), interfaceName, port, context,
                settings, log, materializer);
    }

    /** What Scala sees as {@code Flow[HttpRequest, HttpResponse, Any]} (its flows are covariant in it). */
    @SuppressWarnings("unchecked")
    private static Flow<HttpRequest, HttpResponse, Object> anyMaterializedValue(Flow<HttpRequest, HttpResponse, ?> flow) {
        return (Flow<HttpRequest, HttpResponse, Object>) flow;
    }

    private static HttpResponse refused(HttpRequest request, Materializer materializer) {
        request.discardEntityBytes(materializer);
        return (HttpResponse) org.apache.pekko.http.javadsl.model.HttpResponse.create().withStatus(403)
                .withEntity(ContentTypes.APPLICATION_JSON, REFUSED);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> extensionTable(ExtendedActorSystem system) {
        for (Class<?> type = system.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("extensions");
                field.setAccessible(true);
                return (Map<Object, Object>) field.get(system);
            } catch (NoSuchFieldException e) {
                // look further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot reach the actor system's extensions", e);
            }
        }
        throw new IllegalStateException("the actor system keeps no extension table Pekko's way");
    }
}
