package com.medicarewizard.adapter.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler's REST API as far as one-time schedules go, for the tests of the AWS side (no
 * real AWS is called): {@code POST /schedules/{Name}} (CreateSchedule: {@code ConflictException}, 409,
 * when the name is taken in the group), {@code GET} and {@code DELETE /schedules/{Name}?groupName=}
 * ({@code ResourceNotFoundException}, 404, when there is none), errors named in {@code x-amzn-ErrorType}
 * as the service names them. Loopback, port 0. {@link #fireDue} then does what Scheduler does at an
 * {@code at()} schedule's time: invokes the target with the schedule's {@code Input} and, with
 * {@code ActionAfterCompletion=DELETE}, deletes the schedule once the invocation succeeded.
 */
public final class SchedulerStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/schedules/([0-9A-Za-z_.\\-]{1,64})");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private final HttpServer server;
    /** By group, then name: the CreateSchedule request as received. */
    private final Map<String, Map<String, JsonNode>> groups = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    public SchedulerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An SDK client of this stand-in: fixed region and dummy credentials (it checks only that requests are signed), one attempt. */
    public SchedulerClient client() {
        return SchedulerClient.builder().region(Region.EU_SOUTH_1).endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    /** Each request as {@code METHOD /path}, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The schedules of a group, by name, as they were created. */
    public synchronized Map<String, JsonNode> schedules(String group) {
        return Map.copyOf(groups.getOrDefault(group, Map.of()));
    }

    /** The instant of a one-time schedule's {@code at()} expression, read in its time zone. */
    public static Instant instantOf(JsonNode schedule) {
        Matcher at = AT.matcher(schedule.path("ScheduleExpression").asText());
        if (!at.matches()) {
            throw new IllegalArgumentException("not a one-time schedule: " + schedule.path("ScheduleExpression"));
        }
        return LocalDateTime.parse(at.group(1)).atZone(java.time.ZoneId.of(
                schedule.path("ScheduleExpressionTimezone").asText("UTC"))).toInstant();
    }

    /**
     * Fires every schedule of {@code group} due at {@code now}: hands its target's input to {@code target} (the
     * function, invoked as Scheduler invokes it) and deletes it when that returns; one that throws stays.
     * Answers how many were invoked successfully.
     */
    public int fireDue(String group, Instant now, Function<String, ?> target) {
        int fired = 0;
        for (var schedule : schedules(group).entrySet()) {
            if (!instantOf(schedule.getValue()).isAfter(now)) {
                try {
                    target.apply(schedule.getValue().path("Target").path("Input").asText());
                } catch (RuntimeException failed) {
                    continue;
                }
                fired++;
                if ("DELETE".equals(schedule.getValue().path("ActionAfterCompletion").asText())) {
                    synchronized (this) {
                        groups.get(group).remove(schedule.getKey());
                    }
                }
            }
        }
        return fired;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                reply(exchange, 403, "AccessDeniedException", "requests must be signed");
                return;
            }
            if (!path.matches()) {
                reply(exchange, 404, "UnknownOperationException", "no such operation");
                return;
            }
            String name = path.group(1);
            synchronized (this) {
                calls.add(method + " /schedules/" + name);
                switch (method) {
                    case "POST" -> create(exchange, name);
                    case "GET" -> read(exchange, name, false);
                    case "DELETE" -> read(exchange, name, true);
                    default -> reply(exchange, 405, "ValidationException", "method " + method);
                }
            }
        }
    }

    private void create(HttpExchange exchange, String name) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String group = request.path("GroupName").asText("default");
        Map<String, JsonNode> schedules = groups.computeIfAbsent(group, g -> new LinkedHashMap<>());
        if (schedules.containsKey(name)) {
            reply(exchange, 409, "ConflictException", "Schedule " + name + " already exists.");
            return;
        }
        instantOf(request);
        schedules.put(name, request);
        ObjectNode body = JSON.createObjectNode().put("ScheduleArn",
                "arn:aws:scheduler:eu-south-1:123456789012:schedule/" + group + "/" + name);
        send(exchange, 200, body);
    }

    private void read(HttpExchange exchange, String name, boolean delete) throws IOException {
        String group = query(exchange).getOrDefault("groupName", "default");
        Map<String, JsonNode> schedules = groups.getOrDefault(group, Map.of());
        JsonNode schedule = schedules.get(name);
        if (schedule == null) {
            reply(exchange, 404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
            return;
        }
        if (delete) {
            schedules.remove(name);
            send(exchange, 200, JSON.createObjectNode());
        } else {
            send(exchange, 200, ((ObjectNode) schedule.deepCopy()).put("Name", name));
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, String error, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", error);
        send(exchange, status, JSON.createObjectNode().put("Message", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
