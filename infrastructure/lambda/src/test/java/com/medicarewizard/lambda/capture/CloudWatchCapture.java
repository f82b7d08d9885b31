package com.medicarewizard.lambda.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudWatch on the wire protocol SDK 2.59.1's client speaks to it: Smithy RPC v2 CBOR
 * ({@code POST /service/GraniteServiceVersion20100801/operation/<Operation>}, {@code smithy-protocol:
 * rpc-v2-cbor}, CBOR bodies, timestamps as tag 1), in AWS Query compatibility mode (error codes in the
 * {@code x-amzn-query-error} header, as the Query protocol named them). Records each
 * {@code PutMetricData} (namespace, metrics with their dimensions, values and units) and each
 * {@code GetMetricData}, which it answers with the values configured per metric name. Throttling is
 * CloudWatch's {@code Throttling} (HTTP 400).
 */
public final class CloudWatchCapture extends CaptureEndpoint<CloudWatchCapture.Call> {

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final CBORFactory CBOR = new CBORFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(CBOR);
    private final Map<String, List<Double>> values = new ConcurrentHashMap<>();

    public CloudWatchCapture() {
        super(400, "Throttling", "InternalServiceError");
    }

    /** A call of one of the two operations served. */
    public sealed interface Call permits PutMetricData, GetMetricData {
    }

    /** One PutMetricData. */
    public record PutMetricData(String namespace, List<Datum> data) implements Call {
    }

    /** One metric datum: a single {@code value} or {@code values} with their counts. */
    public record Datum(String metricName, Map<String, String> dimensions, Optional<Double> value,
                        List<Double> values, Optional<String> unit) {
    }

    /** One GetMetricData with its metric queries. */
    public record GetMetricData(List<Query> queries, Instant start, Instant end) implements Call {
    }

    /** A query of a metric's statistic (or an expression, then without a metric). */
    public record Query(String id, Optional<String> namespace, Optional<String> metricName,
                        Map<String, String> dimensions, Optional<String> stat, Optional<String> expression) {
    }

    /** GetMetricData answers these values (newest first) for every query of {@code metricName}. */
    public void answer(String metricName, double... latestFirst) {
        List<Double> list = new ArrayList<>();
        for (double v : latestFirst) {
            list.add(v);
        }
        values.put(metricName, List.copyOf(list));
    }

    /** The PutMetricData calls answered, in order. */
    public List<PutMetricData> puts() {
        return answered().stream().filter(PutMetricData.class::isInstance).map(PutMetricData.class::cast).toList();
    }

    @Override
    protected Call decode(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"rpc-v2-cbor".equals(exchange.getRequestHeaders().getFirst("smithy-protocol")) || !path.startsWith(PATH)) {
            throw new BadRequest("InvalidAction", "not a Smithy RPC v2 CBOR request: " + path);
        }
        JsonNode request = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        return switch (path.substring(PATH.length())) {
            case "PutMetricData" -> putMetricData(request);
            case "GetMetricData" -> getMetricData(request);
            default -> throw new BadRequest("InvalidAction", "not served here: " + path);
        };
    }

    private static PutMetricData putMetricData(JsonNode request) {
        String namespace = request.path("Namespace").asText("");
        if (namespace.isEmpty() || namespace.startsWith("AWS/")) {
            throw new BadRequest("InvalidParameterValue", "The value " + namespace + " for parameter Namespace is invalid.");
        }
        List<Datum> data = new ArrayList<>();
        for (JsonNode d : request.path("MetricData")) {
            List<Double> many = new ArrayList<>();
            d.path("Values").forEach(v -> many.add(v.asDouble()));
            data.add(new Datum(d.path("MetricName").asText(), dimensions(d.path("Dimensions")),
                    d.has("Value") ? Optional.of(d.path("Value").asDouble()) : Optional.empty(), List.copyOf(many),
                    Optional.ofNullable(d.path("Unit").textValue())));
        }
        if (data.isEmpty() || data.size() > 1000) {
            throw new BadRequest("InvalidParameterValue", "MetricData must hold 1 to 1000 items");
        }
        return new PutMetricData(namespace, List.copyOf(data));
    }

    private static GetMetricData getMetricData(JsonNode request) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode q : request.path("MetricDataQueries")) {
            JsonNode stat = q.path("MetricStat");
            JsonNode metric = stat.path("Metric");
            queries.add(new Query(q.path("Id").asText(), Optional.ofNullable(metric.path("Namespace").textValue()),
                    Optional.ofNullable(metric.path("MetricName").textValue()), dimensions(metric.path("Dimensions")),
                    Optional.ofNullable(stat.path("Stat").textValue()), Optional.ofNullable(q.path("Expression").textValue())));
        }
        if (queries.isEmpty()) {
            throw new BadRequest("InvalidParameterValue", "MetricDataQueries must not be empty");
        }
        return new GetMetricData(List.copyOf(queries), Instant.ofEpochMilli((long) (request.path("StartTime").asDouble() * 1000)),
                Instant.ofEpochMilli((long) (request.path("EndTime").asDouble() * 1000)));
    }

    private static Map<String, String> dimensions(JsonNode array) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        array.forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        return Map.copyOf(dimensions);
    }

    @Override
    protected void answer(HttpExchange exchange, Call request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = CBOR.createGenerator(out)) {
            cbor.writeStartObject();
            if (request instanceof GetMetricData get) {
                results(cbor, get);
            }
            cbor.writeEndObject();
        }
        send(exchange, 200, "application/cbor", out.toByteArray(), Map.of("smithy-protocol", "rpc-v2-cbor"));
    }

    /** One result per query: the configured values, a minute apart from the end of the range backwards. */
    private void results(CBORGenerator cbor, GetMetricData get) throws IOException {
        cbor.writeFieldName("MetricDataResults");
        cbor.writeStartArray();
        for (Query query : get.queries()) {
            List<Double> answer = query.metricName().map(values::get).orElse(List.of());
            cbor.writeStartObject();
            cbor.writeStringField("Id", query.id());
            cbor.writeStringField("Label", query.metricName().orElse(query.id()));
            cbor.writeStringField("StatusCode", "Complete");
            cbor.writeFieldName("Timestamps");
            cbor.writeStartArray();
            for (int i = 0; i < answer.size(); i++) {
                cbor.writeTag(1); // an epoch-seconds timestamp, as Smithy RPC v2 CBOR encodes them
                cbor.writeNumber(get.end().getEpochSecond() - 60L * i);
            }
            cbor.writeEndArray();
            cbor.writeFieldName("Values");
            cbor.writeStartArray();
            for (double v : answer) {
                cbor.writeNumber(v);
            }
            cbor.writeEndArray();
            cbor.writeEndObject();
        }
        cbor.writeEndArray();
    }

    @Override
    protected void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = CBOR.createGenerator(out)) {
            cbor.writeStartObject();
            cbor.writeStringField("__type", "com.amazonaws.cloudwatch#" + code);
            cbor.writeStringField("message", message);
            cbor.writeEndObject();
        }
        send(exchange, status, "application/cbor", out.toByteArray(), Map.of("smithy-protocol", "rpc-v2-cbor",
                "x-amzn-query-error", code + ";" + (status < 500 ? "Sender" : "Receiver")));
    }

}
