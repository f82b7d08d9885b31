package com.medicarewizard.runtime.sqs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sqs.SqsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A queue that takes a send and never answers (what ElasticMQ does when its on-disk store loses a
 * reply) must not hold the intake's request for long: each attempt is given up, and the SDK tries again.
 * Shown by which limit ended the call, not by a stopwatch, which a busy machine can push past any bound.
 */
class LocalSqsClientsTest {

    @Test
    void aSendThatIsNeverAnsweredIsGivenUpAndTriedAgainWithinSeconds() throws Exception {
        try (Silent queue = new Silent();
             SqsClient sqs = LocalSqsClients.forFunctions(queue.endpoint(), QueueCredentials.random())) {
            // the attempt or call timeout (seconds) ended it, not the 30 s socket timeout
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(queue.endpoint() + "/000000000000/q")
                    .messageBody("{}")))
                    .isInstanceOfAny(ApiCallAttemptTimeoutException.class, ApiCallTimeoutException.class);
            assertThat(queue.connections()).as("attempts").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    /** Accepts connections, reads nothing and answers nothing. */
    private static final class Silent implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::accept);

        Silent() throws IOException {
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        List<Socket> connections() {
            return accepted;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
            acceptor.interrupt();
        }
    }
}
