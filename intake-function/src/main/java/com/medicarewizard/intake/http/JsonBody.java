package com.medicarewizard.intake.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads a request body that must be one JSON object: JSON content type, at most {@link #LIMIT}
 * bytes of valid UTF-8, well-formed JSON, an object at the top. Anything else is a 400 before any
 * use case sees it.
 */
public final class JsonBody {
    /** Every request of this API fits in a few hundred bytes; 64 KiB leaves room and bounds the work. */
    public static final int LIMIT = 64 * 1024;

    private JsonBody() {
    }

    public static ObjectNode object(Request request) {
        String contentType = request.header("Content-Type").orElse("");
        if (!isJson(contentType)) {
            throw Problems.unsupportedContentType().raise();
        }
        String text = decode(request);
        if (text.isBlank()) {
            throw Problems.malformedJson("A JSON object body is required.").raise();
        }
        JsonNode tree = parse(text);
        if (!(tree instanceof ObjectNode object)) {
            throw Problems.malformedJson("The body must be a JSON object.").raise();
        }
        return object;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String decode(Request request) {
        String raw = request.rawBody().orElse("");
        if (!request.isBase64Encoded()) {
            // a char is at least one UTF-8 byte, so this check is exact enough to skip encoding huge bodies
            if (raw.length() > LIMIT || raw.getBytes(StandardCharsets.UTF_8).length > LIMIT) {
                throw Problems.bodyTooLarge(LIMIT).raise();
            }
            return raw;
        }
        if (raw.length() > LIMIT / 3 * 4 + 4) {
            throw Problems.bodyTooLarge(LIMIT).raise();
        }
        try {
            return utf8(Base64.getDecoder().decode(raw));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw Problems.malformedJson("The body is not valid UTF-8 JSON.").raise();
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        if (bytes.length > LIMIT) {
            throw Problems.bodyTooLarge(LIMIT).raise();
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            // the parser's message may quote the input: it stays out of the answer
            throw Problems.malformedJson("The body is not well-formed JSON.").raise();
        }
    }
}
