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
 * bytes of valid UTF-8 (decoded with {@link CodingErrorAction#REPORT}, or as a gateway passed it
 * without U+FFFD), well-formed JSON, an object at the top. Anything else is a 400 before any
 * use case sees it.
 */
public final class JsonBody {
    /** Every request of this API fits in a few hundred bytes; 64 KiB leaves room and bounds the work. */
    public static final int LIMIT = 64 * 1024;
    /**
     * What API Gateway (and the local gateway, as it does) puts in a text body for bytes that are
     * not UTF-8: the bytes are gone by then, so this mark is how such a body is recognised. No
     * field of this API has a use for it.
     */
    private static final char REPLACEMENT = '\uFFFD';

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

    /** JSON is UTF-8 (RFC 8259): a body declared in another charset is not one this API reads. */
    private static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equals("charset")
                    && (parameter.length < 2 || !parameter[1].trim().replace("\"", "").matches("utf-?8"))) {
                return false;
            }
        }
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String decode(Request request) {
        String raw = request.rawBody().orElse("");
        if (!request.isBase64Encoded()) {
            // a char is at least one UTF-8 byte, so this check is exact enough to skip encoding huge bodies
            if (raw.length() > LIMIT || raw.getBytes(StandardCharsets.UTF_8).length > LIMIT) {
                throw Problems.bodyTooLarge(LIMIT).raise();
            }
            if (raw.indexOf(REPLACEMENT) >= 0) {
                throw notUtf8();
            }
            return raw;
        }
        if (raw.length() > LIMIT / 3 * 4 + 4) {
            throw Problems.bodyTooLarge(LIMIT).raise();
        }
        try {
            return utf8(Base64.getDecoder().decode(raw));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw notUtf8();
        }
    }

    private static ProblemException notUtf8() {
        return Problems.malformedJson("The body is not valid UTF-8 JSON.").raise();
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
