package com.medicarewizard.adapter.local;

import com.medicarewizard.adapter.local.StubEndpoint.Answer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

/**
 * CloudWatch's GetMetricData answers in SDK 2.59.1's wire protocol, Smithy RPC v2 CBOR (the service
 * model in the cloudwatch jar says so; the request carries {@code smithy-protocol: rpc-v2-cbor}),
 * written with the SDK's own CBOR library.
 */
public final class MetricDataAnswers {

    private MetricDataAnswers() {
    }

    /** One result with these values (newest first, a minute apart before {@code now}), timestamps as CBOR tag 1. */
    public static Answer iteratorAges(Instant now, List<Double> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = (CBORGenerator) new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataResults");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("Id", "iteratorAge");
            g.writeStringField("Label", "IteratorAge");
            g.writeFieldName("Timestamps");
            g.writeStartArray();
            for (int i = 0; i < values.size(); i++) {
                g.writeTag(1);
                g.writeNumber((double) now.minusSeconds(60L * (i + 1)).getEpochSecond());
            }
            g.writeEndArray();
            g.writeFieldName("Values");
            g.writeStartArray();
            for (double v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            g.writeStringField("StatusCode", "Complete");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(200, "application/cbor", Map.of("smithy-protocol", "rpc-v2-cbor"), out.toByteArray());
    }
}
