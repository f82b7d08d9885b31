package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's edge refuses API bodies the intake would never read, before reading them. */
class EdgeLimitsIT {
    private static final int NINE_MIB = 9 * 1024 * 1024;
    @TempDir
    Path data;

    /** A stalled 9 MiB upload is answered at once and holds no buffer for its body. */
    @Test
    void refusesAnApiBodyOver64KibFromItsContentLengthWithoutReadingIt() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), runtime.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/patients HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + NINE_MIB + "\r\n\r\n{\"email\":\"").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[16 * 1024]);
            out.flush();
            // and nothing more: the client stalls with almost all of its body unsent
            String answer = answer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("65536");
        }
    }

    /** The head and body of one answer, read without waiting for the connection to close. */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                break;
            }
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
}
