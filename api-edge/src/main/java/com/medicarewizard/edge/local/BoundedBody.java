package com.medicarewizard.edge.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit without ever holding more than the limit in memory: a
 * declared Content-Length over it is refused before a byte of the body is read, and a chunked
 * body is counted as it arrives. What a refused client still sends is skipped after the answer
 * ({@link #skipRest}), never buffered.
 */
final class BoundedBody {

    /**
     * How much of a refused body is skipped after the 413 so that the client, still sending,
     * gets to read the answer instead of a reset connection. Past this the connection is closed;
     * a client that stalls meanwhile is closed by the gateway's read timeout.
     */
    private static final long SKIP_LIMIT = 64L * 1024 * 1024;
    /** What is read at a time of a body whose length was not declared (chunked) or is larger. */
    private static final int CHUNK = 8 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private BoundedBody() {
    }

    /** Thrown when the body is larger than the limit. */
    static final class TooLargeException extends Exception {
        TooLargeException() {
            super(null, null, false, false);
        }
    }

    static byte[] read(InputStream in, String contentLength, long limit) throws IOException, TooLargeException {
        long declared = contentLength == null ? -1 : declared(contentLength);
        if (declared > limit) {
            throw new TooLargeException();
        }
        // most requests (every GET) have no body: nothing is allocated for them
        int first = in.read();
        if (first < 0) {
            return NO_BODY;
        }
        // grown as bytes arrive, never sized from what the client declares (a 10 MiB claim and one byte)
        var body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, CHUNK) : CHUNK);
        body.write(first);
        byte[] buffer = new byte[declared > 1 ? (int) Math.min(CHUNK, declared - 1) : CHUNK];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + (long) n > limit) {
                throw new TooLargeException();
            }
            body.write(buffer, 0, n);
        }
        if (body.size() > limit) {
            throw new TooLargeException();
        }
        return body.toByteArray();
    }

    /** Skips (up to a bound) what is left of a body that was refused; nothing is kept. */
    static void skipRest(InputStream in) throws IOException {
        long skipped = 0;
        for (long n = in.skip(SKIP_LIMIT); n > 0 && skipped < SKIP_LIMIT; n = in.skip(SKIP_LIMIT - skipped)) {
            skipped += n;
        }
    }

    private static long declared(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
