package com.medicarewizard.runtime;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.concurrent.CountDownLatch;

/** Starts the whole pipeline on this machine and runs until stopped (Ctrl-C, SIGTERM). */
public final class Main {
    private static final Logger LOG = LogManager.getLogger(Main.class);
    /** EX_TEMPFAIL: a temporary failure, worth a restart. */
    private static final int QUEUE_STORE_BROKEN = 75;

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
        LocalRuntime runtime = LocalRuntime.start(config, Main::queueStoreBroken);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "shutdown"));
        LOG.info("MediCareWizard is up on http://localhost:{} (data in {})", runtime.port(), config.dataDirectory());
        stopped.await();
    }

    /** A queue store that no longer takes writes heals only by a restart: exit for the supervisor. */
    private static void queueStoreBroken() {
        LOG.error("exiting with status {} so that a supervisor restarts the pipeline on the same data",
                QUEUE_STORE_BROKEN);
        System.exit(QUEUE_STORE_BROKEN);
    }
}
