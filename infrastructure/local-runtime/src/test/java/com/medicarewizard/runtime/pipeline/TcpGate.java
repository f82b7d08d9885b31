package com.medicarewizard.runtime.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback port, bound once for a whole test class, that forwards each connection to a server
 * while open and hangs up on each at once while shut: an outage of that server without giving up
 * the port the runtime was configured with. Stopping the server itself would free its port, and
 * another process could take it before the server was started on it again.
 */
final class TcpGate implements AutoCloseable {
    private final ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private volatile int target;
    private final Set<Socket> connected = ConcurrentHashMap.newKeySet();
    private volatile boolean shut;

    /** Opens the gate in front of the server on the loopback port {@code target}. */
    TcpGate(int target) throws IOException {
        this.target = target;
        Thread.ofVirtual().name("tcp-gate").start(this::accept);
    }

    /** The port to give the runtime instead of the server's. */
    int port() {
        return listening.getLocalPort();
    }

    /** Cuts the connections in progress; until {@link #open()}, new ones are closed once accepted. */
    void shut() {
        shut = true;
        connected.forEach(TcpGate::closeQuietly);
    }

    /** Forwards new connections to the server on the loopback port {@code other} from now on. */
    void redirect(int other) {
        target = other;
    }

    /** Forwards new connections to the server again. */
    void open() {
        shut = false;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (shut) {
                    client.close();
                } else {
                    Thread.ofVirtual().name("tcp-gate-forward").start(() -> forward(client));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
            connected.add(client);
            connected.add(server);
            Thread back = Thread.ofVirtual().start(() -> pump(server, client));
            pump(client, server);
            back.join();
        } catch (IOException e) {
            // the server refused or went away: the client sees its connection closed, as it would
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connected.removeIf(Socket::isClosed);
        }
    }

    /** Copies one direction until its end, then passes the end on (SMTP's QUIT closes both ways). */
    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException cut) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to close
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        shut();
    }
}
