package com.medicarewizard.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.medicarewizard.edge.ApiDocument;
import com.medicarewizard.intake.auth.Authenticator;
import com.medicarewizard.intake.auth.OperatorGuard;
import com.medicarewizard.intake.auth.StaffGuard;
import com.medicarewizard.intake.auth.Secret;
import com.medicarewizard.intake.http.ClientAddress;
import com.medicarewizard.intake.http.ProblemException;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.RedactedFailure;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.ContendedWriteException;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The intake Lambda behind API Gateway for every v1 operation: finds the operation by method and
 * resource template, applies its declared security, runs its use case, and answers problem+json
 * for anything that goes wrong. Bad input ends as a 4xx {@link ProblemException}; a write that kept
 * meeting others under way or a throttled table ({@link ContendedWriteException}) a 503 with
 * Retry-After; anything else
 * is a 500 with a generic detail, logged with the request id only.
 */
public final class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Logger LOG = LogManager.getLogger(ApiHandler.class);
    private final Routes routes;
    private final ClientAddress addresses;

    /**
     * For the runtimes that build the ports themselves (the embedded runtime, tests): the operator
     * token of the configuration, every client at API Gateway's {@code sourceIp}.
     *
     * @throws IllegalStateException when the use cases and the OpenAPI document's operations disagree
     */
    public ApiHandler(Intake intake) {
        this(intake, Secret.fixed(intake.config().opsToken()), ClientAddress.sourceIpOnly());
    }

    /**
     * With the operators' token read where it is kept (AWS: Secrets Manager) and the client address
     * where a trusted proxy writes it (AWS: CloudFront, {@link ClientAddress}).
     *
     * @throws IllegalStateException when the use cases and the OpenAPI document's operations disagree
     */
    public ApiHandler(Intake intake, Secret opsToken, ClientAddress addresses) {
        this(new Routes(ApiDocument.v1(), Endpoints.of(intake), new DeclaredAccess(
                new Authenticator(intake.tokens(), intake.clock()), new OperatorGuard(opsToken),
                new StaffGuard(intake.staff().map(Intake.StaffPorts::accounts), intake.clock()))), addresses);
    }

    ApiHandler(Routes routes) {
        this(routes, ClientAddress.sourceIpOnly());
    }

    private ApiHandler(Routes routes, ClientAddress addresses) {
        this.routes = routes;
        this.addresses = addresses;
    }

    @Override
    @SuppressWarnings("try") // the ids are on every log line of the request; the resource itself is unused
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Request request = Request.of(event, addresses).within(context);
        try (var ids = CloseableThreadContext.put("requestId", request.requestId())
                .put("correlationId", request.correlationId())) {
            return answer(request).header("X-Correlation-Id", request.correlationId()).toEvent();
        }
    }

    private Response answer(Request request) {
        try {
            return routes.find(request).handle(request);
        } catch (ProblemException e) {
            return Response.problem(e.problem(), request.requestId());
        } catch (ContendedWriteException e) {
            LOG.warn("{} {} met other writes under way or a throttled table; answered busy", request.method(),
                    request.resource());
            return Response.problem(Problems.busy(), request.requestId());
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {} {}", request.method(), request.resource(), RedactedFailure.of(e));
            return Response.problem(Problems.internalError(), request.requestId());
        }
    }
}
