package com.medicarewizard.edge.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit without ever holding more than the limit in memory: a
 * declared Content-Length over it is refused before reading, and a chunked body is counted as
 * it arrives.
 */
final class BoundedBody {

    /**
     * How much of a refused body is read and thrown away so that the client, still sending,
     * gets to read the 413 instead of a reset connection. Past this the connection is closed.
     */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private BoundedBody() {
    }

    /** Thrown when the body is larger than the limit. */
    static final class TooLargeException extends Exception {
        TooLargeException() {
            super(null, null, false, false);
        }
    }

    static byte[] read(InputStream in, String contentLength, long limit) throws IOException, TooLargeException {
        if (contentLength != null && declared(contentLength) > limit) {
            drain(in);
            throw new TooLargeException();
        }
        var body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + (long) n > limit) {
                drain(in);
                throw new TooLargeException();
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static long declared(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(InputStream in) throws IOException {
        long skipped = 0;
        byte[] sink = new byte[64 * 1024];
        for (int n = in.read(sink); n >= 0 && skipped < DRAIN_LIMIT; n = in.read(sink)) {
            skipped += n;
        }
    }
}
