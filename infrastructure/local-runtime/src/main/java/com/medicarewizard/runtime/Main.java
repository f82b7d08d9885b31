package com.medicarewizard.runtime;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.concurrent.CountDownLatch;

/** Starts the whole pipeline on this machine and runs until stopped (Ctrl-C, SIGTERM). */
public final class Main {
    private static final Logger LOG = LogManager.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        RuntimeConfig config;
        try {
            config = RuntimeConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("medicarewizard: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalRuntime runtime = LocalRuntime.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "shutdown"));
        LOG.info("MediCareWizard is up on http://localhost:{} (data in {})", runtime.port(), config.dataDirectory());
        stopped.await();
    }
}
