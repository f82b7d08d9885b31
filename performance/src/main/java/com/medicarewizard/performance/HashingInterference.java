package com.medicarewizard.performance;

import com.medicarewizard.intake.auth.Argon2idPasswordHasher;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.runtime.os.IdlePriority;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What hashing at idle priority does to the rest of the process (ADR 0006, ADR 0011): one hashing
 * thread per core under {@code SCHED_IDLE}, as the local runtime runs them, while as many threads of
 * normal priority keep the cores about 93 % busy (4 ms of work, 0.3 ms asleep), and a probe thread
 * maps and unmaps 1 MiB every millisecond, as the JVM's collector, compilers and allocators map memory.
 * A probe waits when an idle hashing thread, preempted, holds the process's memory-map lock. Prints
 * the probe's p50, p99 and maximum and the hashes done, for libargon2 (memory from malloc, reused)
 * and libsodium (memory mapped and unmapped for every hash).
 */
final class HashingInterference {
    private static final long MAP_BYTES = 1 << 20;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;

    /** The C library's memory mapping. */
    public interface Libc extends Library {
        Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset);

        int munmap(Pointer address, long length);
    }

    private final long seconds;

    HashingInterference(long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("at least a second");
        }
        this.seconds = seconds;
    }

    static HashingInterference standard() {
        return new HashingInterference(Long.getLong("mcw.bench.interferenceSeconds", 15));
    }

    /** One line per library; empty where hashing cannot run under {@code SCHED_IDLE} (not Linux). */
    List<String> run() throws InterruptedException {
        if (!IdlePriority.supported()) {
            return List.of("(SCHED_IDLE not available here: nothing to measure)");
        }
        int memory = Argon2idPasswordHasher.STANDARD_MEMORY_KIB;
        int passes = Argon2idPasswordHasher.STANDARD_ITERATIONS;
        return List.of(
                line(String.format(Locale.ROOT, "libargon2 m=%d KiB t=%d (malloc)", memory, passes),
                        new Argon2idPasswordHasher(memory, passes)),
                line(String.format(Locale.ROOT, "libsodium m=%d KiB t=%d (mmap per hash)", memory, passes),
                        new HashingBenchmark.Libsodium(memory, passes)));
    }

    private String line(String name, PasswordHasher hasher) throws InterruptedException {
        Libc libc = Native.load("c", Libc.class);
        String hash = hasher.hash("interference");
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger hashes = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                IdlePriority.enterCurrentThread();
                while (!stop.get()) {
                    hasher.verify("interference", hash);
                    hashes.incrementAndGet();
                }
            }));
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                while (!stop.get()) {
                    long until = System.nanoTime() + 4_000_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    LockSupport.parkNanos(300_000);
                }
            }));
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        double[] millis = new double[(int) (seconds * 1000)];
        int probes = 0;
        while (System.nanoTime() < end && probes < millis.length) {
            long start = System.nanoTime();
            Pointer mapped = libc.mmap(null, MAP_BYTES, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0);
            mapped.setByte(0, (byte) 1);
            libc.munmap(mapped, MAP_BYTES);
            millis[probes++] = (System.nanoTime() - start) / 1e6;
            LockSupport.parkNanos(1_000_000);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double[] sorted = Arrays.copyOf(millis, probes);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT,
                "%-40s mmap+munmap of 1 MiB: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d probes); %d hashes",
                name, sorted[probes / 2], sorted[probes * 99 / 100], sorted[probes - 1], probes, hashes.get());
    }
}
