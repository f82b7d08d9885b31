package com.medicarewizard.intake.fakes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds an {@link APIGatewayProxyRequestEvent} as API Gateway's REST API fills it: resource
 * template and concrete path, Title-Case headers in both header maps, query and path parameters,
 * a request context with request id and source address.
 */
public final class Req {
    private final String method;
    private final String resource;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private String body;
    private boolean base64;
    private String sourceIp = "203.0.113.7";
    private String requestId = UUID.randomUUID().toString();

    private Req(String method, String resource) {
        this.method = method;
        this.resource = resource;
        headers.put("Accept", "application/json");
        headers.put("Host", "api.example.test");
    }

    public static Req get(String resource) {
        return new Req("GET", resource);
    }

    public static Req post(String resource) {
        return new Req("POST", resource);
    }

    public static Req delete(String resource) {
        return new Req("DELETE", resource);
    }

    public static Req of(String method, String resource) {
        return new Req(method, resource);
    }

    public Req header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Req bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Req query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public Req path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    /** A JSON body with {@code Content-Type: application/json}. */
    public Req json(String json) {
        headers.put("Content-Type", "application/json");
        body = json;
        return this;
    }

    public Req rawBody(String raw, boolean isBase64) {
        body = raw;
        base64 = isBase64;
        return this;
    }

    public Req from(String ip) {
        sourceIp = ip;
        return this;
    }

    public Req requestId(String id) {
        requestId = id;
        return this;
    }

    public APIGatewayProxyRequestEvent event() {
        String path = resource;
        for (var p : pathParameters.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        query.forEach((k, v) -> multiQuery.put(k, List.of(v)));
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method).withResource(resource).withPath(path)
                .withHeaders(Map.copyOf(headers)).withMultiValueHeaders(multi)
                .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(new ProxyRequestContext()
                        .withRequestId(requestId).withStage("prod").withResourcePath(resource)
                        .withHttpMethod(method).withPath("/prod" + path)
                        .withIdentity(new RequestIdentity().withSourceIp(sourceIp).withUserAgent("test")));
    }
}
