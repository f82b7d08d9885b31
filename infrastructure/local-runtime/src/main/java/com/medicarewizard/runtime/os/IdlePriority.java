package com.medicarewizard.runtime.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts the calling thread under Linux's {@code SCHED_IDLE} policy: it runs only on CPU that no
 * thread of a normal policy wants, in this process or any other (ADR 0011). Password hashing runs
 * so, and a log-in waits for spare CPU rather than taking it from the requests of patients who
 * are booking.
 *
 * <p>Linux hands a thread's policy down to every thread it creates (and resets only real-time
 * policies on fork), and an unprivileged thread cannot leave {@code SCHED_IDLE}. So a thread put
 * here must never create a thread, nor wake one that might (a virtual thread's scheduler starts
 * carriers from whoever wakes it): {@link com.medicarewizard.runtime.lambda.PlatformThreadHasher}
 * hands its results to a thread of normal policy for that.
 *
 * <p>Whether the machine grants the policy is tried once, on a thread started for that and ended
 * after it. Elsewhere than on Linux, without the C library through JNA, or where the policy is
 * refused (a sandbox filtering the call), nothing changes (logged once) and threads keep the
 * process's policy.
 */
public final class IdlePriority {
    /** The system property that turns this off ({@code -Dmcw.idleHashing=false}): to measure what it brings. */
    public static final String SWITCH = "mcw.idleHashing";
    /** {@code SCHED_IDLE} in Linux's {@code <sched.h>}. */
    static final int SCHED_IDLE = 5;
    private static final Logger LOG = LogManager.getLogger(IdlePriority.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final CLibrary C = load();

    private IdlePriority() {
    }

    /** The one call this class makes; {@code pid} 0 is the calling thread, and {@code param} a {@code struct sched_param}. */
    interface CLibrary extends Library {
        int sched_setscheduler(int pid, int policy, int[] param);
    }

    private static CLibrary load() {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            LOG.info("{}=false: password hashing keeps the process's priority", SWITCH);
            return null;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            LOG.info("not Linux: password hashing keeps the process's priority");
            return null;
        }
        CLibrary c;
        try {
            c = Native.load("c", CLibrary.class);
        } catch (LinkageError | RuntimeException e) {
            LOG.info("password hashing keeps the process's priority (no SCHED_IDLE: {})", e.toString());
            return null;
        }
        // tried on a thread of its own, which ends with the policy it took
        Probe probe = new Probe(c);
        Thread thread = Thread.ofPlatform().name("sched-idle-probe").start(probe);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (probe.refused.get() != null) {
            LOG.info("password hashing keeps the process's priority (SCHED_IDLE refused: {})", probe.refused.get());
            return null;
        }
        return c;
    }

    /**
     * The probe's work, a class of its own: code of this class (a lambda's body is a method of it)
     * could not run on another thread until this class's initialisation, which waits for the probe,
     * had ended.
     */
    private static final class Probe implements Runnable {
        private final CLibrary c;
        final AtomicReference<String> refused = new AtomicReference<>("the probe did not run");

        Probe(CLibrary c) {
            this.c = c;
        }

        @Override
        public void run() {
            try {
                refused.set(c.sched_setscheduler(0, SCHED_IDLE, new int[] {0}) == 0 ? null
                        : "errno " + Native.getLastError());
            } catch (LinkageError | RuntimeException e) {
                refused.set(e.toString());
            }
        }
    }

    /** Whether threads can be put under {@code SCHED_IDLE} here. */
    public static boolean supported() {
        return C != null;
    }

    /**
     * Puts the calling thread under {@code SCHED_IDLE}, for good.
     *
     * @return whether it took effect
     */
    public static boolean enterCurrentThread() {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("a virtual thread has no policy of its own: its carrier's would change");
        }
        if (C == null) {
            return false;
        }
        try {
            if (C.sched_setscheduler(0, SCHED_IDLE, new int[] {0}) == 0) {
                return true;
            }
            warnOnce("errno " + Native.getLastError());
        } catch (LinkageError | RuntimeException e) {
            warnOnce(e.toString());
        }
        return false;
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("SCHED_IDLE refused for thread {} ({}): it keeps the process's priority",
                    Thread.currentThread().getName(), why);
        }
    }
}
