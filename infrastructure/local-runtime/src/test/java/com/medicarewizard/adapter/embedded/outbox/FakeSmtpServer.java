package com.medicarewizard.adapter.embedded.outbox;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of an SMTP server (on 127.0.0.1, port 0) to see how a client protects the
 * connection, which GreenMail cannot show: it offers STARTTLS or not, or speaks TLS from the first
 * byte, and records each command with whether it came over TLS.
 */
final class FakeSmtpServer implements AutoCloseable {
    enum Mode { PLAIN, OFFERS_STARTTLS, IMPLICIT_TLS }

    /** A command as received: its first word (upper case) and whether TLS protected it. */
    record Command(String verb, boolean overTls) {
    }

    private final ServerSocket server;
    private final SSLContext tls;
    private final Mode mode;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    FakeSmtpServer(Mode mode, SSLContext tls) throws IOException {
        this.mode = mode;
        this.tls = tls;
        this.server = mode == Mode.IMPLICIT_TLS
                ? tls.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("fake-smtp").start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Command> commands() {
        return List.copyOf(commands);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(10_000);
                converse(client, mode == Mode.IMPLICIT_TLS, true);
            } catch (IOException e) {
                // a client that hung up, or the server closed: wait for the next one
            }
        }
    }

    /** Answers commands until QUIT; after STARTTLS the client speaks first (EHLO again), with no greeting. */
    private void converse(Socket socket, boolean overTls, boolean greet) throws IOException {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        if (greet) {
            reply(out, "220 fake.test ESMTP");
        }
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            commands.add(new Command(verb, overTls));
            switch (verb) {
                case "EHLO" -> reply(out, mode == Mode.OFFERS_STARTTLS && !overTls
                        ? "250-fake.test\r\n250-STARTTLS\r\n250 8BITMIME" : "250-fake.test\r\n250 8BITMIME");
                case "STARTTLS" -> {
                    reply(out, "220 go ahead");
                    upgrade(socket);
                    return;
                }
                case "DATA" -> {
                    reply(out, "354 end with .");
                    StringBuilder message = new StringBuilder();
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        message.append(data).append('\n');
                    }
                    messages.add(message.toString());
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private void upgrade(Socket plain) throws IOException {
        SSLSocket secured = (SSLSocket) tls.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), false);
        secured.setUseClientMode(false);
        secured.startHandshake();
        converse(secured, true, false);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
