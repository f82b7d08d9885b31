package com.medicarewizard.performance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A fixed number of concurrent clients, each sending its next request as soon as the last one is
 * answered (a closed loop, no think time), until a given number is sent. Over one HTTP/1.1 client,
 * so each client keeps its connection alive: at most {@code clients} connections, reused, as JMeter's
 * keep-alive threads or a browser's would be; never a connection per request.
 */
final class ClosedLoop {
    private ClosedLoop() {
    }

    /** What one run measured: requests sent, those not answered with the expected status, its time and latency. */
    record Result(int clients, int sent, int unexpected, double seconds, Figures latency) {
        double perSecond() {
            return sent / seconds;
        }
    }

    /** A client for {@link #run}: HTTP/1.1, so that its connections are kept alive and not upgraded. */
    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    }

    /** Sends {@code requests} requests ({@code request.apply(i)} for the i-th) from {@code clients} clients. */
    static Result run(HttpClient http, int clients, int requests, IntFunction<HttpRequest> request, int expectedStatus)
            throws InterruptedException {
        if (clients < 1 || requests < clients) {
            throw new IllegalArgumentException("need at least one client and a request per client: " + clients + ", " + requests);
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>(requests));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        long began = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest r = request.apply(i);
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (IOException e) {
                            status = -1;
                        }
                        nanos.add(System.nanoTime() - t0);
                        if (status != expectedStatus) {
                            unexpected.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(clients, requests, unexpected.get(), seconds,
                Figures.of(request.apply(0).method() + " " + request.apply(0).uri().getPath(), nanos));
    }
}
