package com.medicarewizard.runtime;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.intake.staff.BootstrapAdmin;

import java.util.Map;
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

    /**
     * With {@code MCW_ADMIN_EMAIL} set, the first administrator's one-time link goes to this console (never
     * to the log file, nor anywhere else): there is no default password. Once an administrator has set a
     * password the setting does nothing but say so.
     */
    static void bootstrapAdmin(LocalRuntime runtime, Map<String, String> env) {
        String email = env.getOrDefault("MCW_ADMIN_EMAIL", "").trim();
        if (email.isEmpty()) {
            return;
        }
        String name = env.getOrDefault("MCW_ADMIN_NAME", "").strip();
        try {
            switch (runtime.bootstrapAdmin(new EmailAddress(email), name.isEmpty() ? "Administrator" : name)) {
                case BootstrapAdmin.Outcome.Invited invited -> System.out.println("""

                        The first administrator (%s) sets a password here, once, until %s:
                            %s
                        """.formatted(email, invited.expiresAt(), invited.link()));
                case BootstrapAdmin.Outcome.Refused refused ->
                        System.out.println("MCW_ADMIN_EMAIL: nothing done: " + refused.why());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("medicarewizard: MCW_ADMIN_EMAIL: " + e.getMessage());
        }
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
        bootstrapAdmin(runtime, System.getenv());
        stopped.await();
    }
}
