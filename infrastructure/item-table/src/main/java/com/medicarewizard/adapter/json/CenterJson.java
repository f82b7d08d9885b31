package com.medicarewizard.adapter.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.medicarewizard.domain.center.Center;
import java.io.InputStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.SiteId;

import java.io.IOException;
import java.util.function.Function;

/**
 * The JSON shape of the center file: the domain records as they are, with times and durations
 * in ISO-8601 and the code-like values ({@code SiteId}, {@code ExamTypeCode}, {@code ResourceId},
 * {@code ResourceKind}) as plain strings, so that an administrator can edit it by hand.
 */
public final class CenterJson {

    private CenterJson() {
    }

    private static final ObjectMapper MAPPER = mapper();

    public static ObjectMapper mapper() {
        SimpleModule codes = new SimpleModule("center-codes");
        code(codes, SiteId.class, SiteId::new);
        code(codes, ExamTypeCode.class, ExamTypeCode::new);
        code(codes, ResourceId.class, ResourceId::new);
        code(codes, ResourceKind.class, ResourceKind::new);
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(codes)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    /**
     * Reads and validates a center document ({@link Center}'s constructor checks it); a broken one is
     * an {@link IllegalStateException} naming the {@code source} and the problem.
     */
    public static Center read(InputStream in, String source) throws IOException {
        try {
            Center read = MAPPER.readValue(in, Center.class);
            if (read == null) {
                throw new IllegalStateException(source + " is empty");
            }
            return read;
        } catch (JacksonException e) {
            throw new IllegalStateException(source + " is not a valid center: " + rootMessage(e), e);
        }
    }

    /** The center as its document: what {@link #read} reads back. */
    public static String write(Center center) {
        try {
            return MAPPER.writeValueAsString(center);
        } catch (JacksonException e) {
            throw new IllegalStateException("the center could not be written as JSON", e);
        }
    }

    /** As {@link #read(InputStream, String)}, from the document's text. */
    public static Center read(String document, String source) {
        try {
            return read(new java.io.ByteArrayInputStream(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The domain's own words when a record constructor refused a value, else Jackson's. */
    private static String rootMessage(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof IllegalArgumentException || root instanceof NullPointerException
                ? root.getMessage() + " (at " + locationOf(e) + ")"
                : e.getOriginalMessage();
    }

    private static String locationOf(Throwable e) {
        return e instanceof JsonMappingException mapping ? mapping.getPathReference() : "?";
    }

    /** Each of these records' {@code toString()} is its value. */
    private static <T> void code(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                if (text == null) {
                    return type.cast(context.handleUnexpectedToken(type, parser));
                }
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }
}
