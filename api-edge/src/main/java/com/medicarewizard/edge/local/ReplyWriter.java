package com.medicarewizard.edge.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Puts a {@link Reply} on the wire: the security headers every answer carries (as the
 * CloudFront response-headers policy adds them in AWS), gzip for text bodies over 1 KB when the
 * client accepts it (as API Gateway's minimum compression size and CloudFront do), and no body
 * for HEAD, 204 and 304. An answer that closes the connection is sent before the rest of the
 * request is skipped, so that a client still sending reads it rather than a reset.
 */
final class ReplyWriter {

    static final int MIN_COMPRESSED_BYTES = 1024;

    /** Strict-Transport-Security is left out on purpose: it must not be sent over plain http. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private ReplyWriter() {
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", com.medicarewizard.edge.ContentSecurityPolicy.VALUE);
        return Map.copyOf(headers);
    }

    static void write(HttpExchange exchange, Reply reply) throws IOException {
        Reply out = compressed(reply, exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        var headers = exchange.getResponseHeaders();
        out.headers().forEach(headers::put);
        SECURITY_HEADERS.forEach(headers::set);
        int status = out.status();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head || status == 204 || status == 304) {
            if (head && status != 204 && status != 304) {
                // the JDK server leaves Content-Length to us for HEAD: announce the GET body's size
                headers.set("Content-Length", String.valueOf(out.body().length));
            }
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, out.body().length == 0 ? -1 : out.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(out.body());
            if ("close".equalsIgnoreCase(out.header("Connection"))) {
                // the answer first, then what the client may still be sending is skipped
                body.flush();
                BoundedBody.skipRest(exchange.getRequestBody());
            }
        }
    }

    static Reply compressed(Reply reply, String acceptEncoding) {
        String type = reply.header("Content-Type");
        if (reply.body().length <= MIN_COMPRESSED_BYTES || type == null || !MediaTypes.isText(type)
                || reply.header("Content-Encoding") != null) {
            return reply;
        }
        String vary = reply.header("Vary");
        Reply varied = reply.with("Vary", vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
        if (!acceptsGzip(acceptEncoding)) {
            return varied;
        }
        Reply gzipped = varied.withBody(gzip(reply.body())).with("Content-Encoding", "gzip");
        String etag = reply.header("ETag");
        // another encoding is another representation: the validator can only be weak now
        return etag == null || etag.startsWith("W/") ? gzipped : gzipped.with("ETag", "W/" + etag);
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim();
            boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            if ((name.equalsIgnoreCase("gzip") || name.equals("*")) && !refused) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        var compressed = new ByteArrayOutputStream(body.length / 3);
        try (var gzip = new GZIPOutputStream(compressed)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory gzip cannot fail", e);
        }
        return compressed.toByteArray();
    }
}
