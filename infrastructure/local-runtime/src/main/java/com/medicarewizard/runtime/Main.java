package com.medicarewizard.runtime;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole pipeline on this machine and runs until stopped (Ctrl-C, SIGTERM). A start that
 * fails (a corrupt journal, the data directory in use by another process, the port taken) closes
 * what it had opened and exits with status 1, so that a supervisor sees it rather than a process
 * serving nothing; a configuration it refuses exits with status 2.
 */
public final class Main {
    private static final Logger LOG = LogManager.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        RuntimeConfig config;
        try {
            config = RuntimeConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("medicarewizard: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = LocalRuntime.start(config);
        } catch (Exception | Error e) {
            LOG.error("MediCareWizard could not start (data in {}): {}", config.dataDirectory(), e.toString(), e);
            LogManager.shutdown();
            // exit even if a library left a thread behind
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
            // log4j's own shutdown hook is off (log4j2.xml), so that the stop above is logged to its end
            LogManager.shutdown();
        }, "shutdown"));
        LOG.info("MediCareWizard is up on http://localhost:{} (data in {})", runtime.port(), config.dataDirectory());
        stopped.await();
    }
}
