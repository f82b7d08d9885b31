package com.medicarewizard.runtime.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.ThreadFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Lowers the scheduling priority (raises the nice value) of the threads that work behind the
 * edge, so that on a busy machine the operating system runs the requests first (ADR 0011). In AWS
 * each function has its own execution environments; here they all share one process and two
 * cores, and a spike of bookings would otherwise share the CPU equally with the allocator deciding
 * the bookings of a second ago and with a log-in's password hash. A thread at a higher nice value
 * still gets the CPU whenever nothing at a lower one wants it, and a share of it when something
 * does (a weight of about a third at {@link #BACKGROUND}, about 1/70 at {@link #SPARE}), so the
 * work behind the edge is delayed, never stalled.
 *
 * <p>Linux applies {@code setpriority(PRIO_PROCESS, tid, nice)} to the one thread {@code tid}
 * (not to the whole process, as POSIX would have it): each thread lowers itself. Raising the
 * nice value needs no privilege. Elsewhere, or without the C library through JNA, nothing
 * changes (logged once) and the threads run at the process's priority.
 */
public final class ThreadNiceness {
    /** The pipeline behind a 202: the allocator, the notifier, their pollers, the scheduled functions. */
    public static final int BACKGROUND = 5;
    /** Password hashing: the CPU nothing else wants (log-ins are refused busy when that is too little). */
    public static final int SPARE = 19;

    /** The system property that turns this off ({@code -Dmcw.threadNiceness=false}): to measure what it brings. */
    public static final String SWITCH = "mcw.threadNiceness";
    private static final Logger LOG = LogManager.getLogger(ThreadNiceness.class);
    private static final int PRIO_PROCESS = 0;
    private static final CLibrary C = load();

    private ThreadNiceness() {
    }

    /** The C library's calls this class makes; glibc has had {@code gettid} since 2.30. */
    interface CLibrary extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);
    }

    private static CLibrary load() {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            LOG.info("{}=false: background threads keep the process's priority", SWITCH);
            return null;
        }
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            LOG.info("not Linux: background threads keep the process's priority");
            return null;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            c.gettid();
            return c;
        } catch (LinkageError | RuntimeException e) {
            LOG.info("background threads keep the process's priority (no per-thread nice: {})", e.toString());
            return null;
        }
    }

    /** Whether this machine lets a thread lower its own priority. */
    public static boolean supported() {
        return C != null;
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (0 to 19: only ever lowering its priority,
     * from the process's default 0).
     *
     * @return whether it took effect
     */
    public static boolean lowerCurrentThread(int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("a nice value from 0 to 19, not " + nice);
        }
        if (C == null) {
            return false;
        }
        if (C.setpriority(PRIO_PROCESS, C.gettid(), nice) != 0) {
            LOG.warn("setpriority({}) refused for thread {} (errno {}): it keeps its priority", nice,
                    Thread.currentThread().getName(), Native.getLastError());
            return false;
        }
        return true;
    }

    /** {@code factory}'s threads, each lowered to {@code nice} before it runs anything. */
    public static ThreadFactory lowered(ThreadFactory factory, int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("a nice value from 0 to 19, not " + nice);
        }
        return work -> factory.newThread(() -> {
            lowerCurrentThread(nice);
            work.run();
        });
    }
}
