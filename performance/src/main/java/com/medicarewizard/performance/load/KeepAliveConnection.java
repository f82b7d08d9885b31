package com.medicarewizard.performance.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 client connection kept alive from request to request, as one browser's or one
 * JMeter thread's would be: a blocking socket, the request written in one go, the answer's status
 * read and its body skipped by {@code Content-Length} or by chunks. Written here rather than taken
 * from a library because the spike's load generator shares the server's two cores: measured on
 * this machine, a first version of the driver on the JDK's HTTP client used 1.1 ms of CPU per spike
 * request (2,180 ms for 2,000), a third of the machine during the spike, and a JMeter started for the
 * burst about half of it.
 * It does only what the spike needs. A connection the server closes ({@code Connection: close},
 * or found closed) is opened again for the next request; the request that found it closed fails,
 * as it would for a browser.
 */
final class KeepAliveConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int LONGEST_LINE = 16 * 1024;
    private final String host;
    private final int port;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(String host, int port, int readTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Opens the connection now, if it is not open: so that the first request does not pay for it. */
    void open() throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.setSoTimeout(readTimeoutMillis);
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
                socket = s;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }
    }

    /** Sends one request and reads its whole answer; answers its status. */
    int send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        open();
        try {
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readAnswer();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private int readAnswer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine, e);
        }
        long length = -1;
        boolean chunked = false;
        boolean closes = parts[0].equals("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header: " + header);
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        if (status / 100 == 1 || status == 204 || status == 304) {
            // no body
        } else if (chunked) {
            skipChunks();
        } else if (length >= 0) {
            skip(length);
        } else {
            in.transferTo(OutputStream.nullOutputStream());
            closes = true;
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = line();
            int extension = size.indexOf(';');
            long length;
            try {
                length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("not a chunk size: " + size, e);
            }
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers: not needed
                }
                return;
            }
            skip(length);
            if (!line().isEmpty()) {
                throw new IOException("no line break after a chunk");
            }
        }
    }

    private void skip(long length) throws IOException {
        in.skipNBytes(length);
    }

    /** One line of the head, without its CRLF; the end of the stream before it is an error. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection was closed " + (line.isEmpty() ? "before an answer" : "mid-line"));
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= LONGEST_LINE) {
                throw new IOException("a header line longer than " + LONGEST_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing more to do
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
