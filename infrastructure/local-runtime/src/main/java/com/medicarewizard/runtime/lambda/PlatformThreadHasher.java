package com.medicarewizard.runtime.lambda;

import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.runtime.os.IdlePriority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the password hash (tens of ms of CPU) on a few platform threads of its own. In AWS each
 * intake invocation has its container; here they all share one process and run on virtual threads,
 * whose carriers (one per core) are not preempted: log-ins hashing at once would hold the carriers
 * and stall every other request behind them. On platform threads the operating system time-slices
 * the hash with the rest, the waiting request parks its virtual thread, and short requests stay
 * short while log-ins queue for the hashing threads: {@link #threadsLeavingACore()} of them, at the
 * process's priority, leave one core to everything else.
 *
 * <p>With {@link Priority#IDLE} (the local runtime's choice, ADR 0011) each hashing thread puts
 * itself under Linux's {@code SCHED_IDLE} before its first hash and hashes only on CPU nothing else
 * wants: a log-in waits for spare CPU, and is refused busy when there is too little, instead of
 * slowing every other request down. Such a thread never wakes a caller itself (waking a virtual
 * thread may start a carrier thread, which would inherit the idle policy): it hands each result to
 * one completer thread of normal policy, started with the others by the constructor, which wakes
 * the caller.
 *
 * <p>The queue is bounded by the time it would take, not by a count: a hash that would wait more
 * than {@code maxWait} (the hashes queued ahead of it × the mean time of the last hashes ÷ the
 * threads) is refused at once with {@link PasswordHasher.BusyException} carrying that wait, at most
 * {@link #LONGEST_RETRY_AFTER} (the intake answers 503 with Retry-After), so a flood of log-ins neither piles up memory nor makes
 * every caller wait longer and longer, whatever a hash costs on this machine.
 */
public final class PlatformThreadHasher implements PasswordHasher, AutoCloseable {
    /** The policy the hashing threads run under. */
    public enum Priority {
        /** The process's own: hashing shares the CPU equally with everything else. */
        NORMAL,
        /** {@code SCHED_IDLE} where the machine allows it ({@link IdlePriority}), else the process's own. */
        IDLE
    }

    /** Weight of the newest hash in the running mean: the mean follows a busier machine within some 10 hashes. */
    private static final double NEWEST_WEIGHT = 0.1;
    /**
     * The longest Retry-After a refusal gives: a stalled hash (a paused machine) inflates the running
     * mean, and the estimate with it, far beyond how soon the backlog really clears.
     */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(10);
    private final PasswordHasher delegate;
    private final int threadCount;
    private final long maxWaitNanos;
    /** How long a caller waits for a thread to take its hash before it gives up busy; 0: for ever. */
    private final long giveUpAfterNanos;
    private final BlockingQueue<Job<?>> jobs = new LinkedTransferQueue<>();
    private final BlockingQueue<Done<?>> done = new LinkedTransferQueue<>();
    private final List<Thread> hashingThreads = new ArrayList<>();
    private final Thread completer;
    private final AtomicInteger idleThreads = new AtomicInteger();
    /** The threads that woke a caller with its outcome: the completer alone. */
    private final Set<Thread> wakers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** The outcomes callers wait for and have not had yet. */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    /** Hashes admitted and not yet finished: on a thread, or waiting for one. */
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicLong meanNanos;

    /** Hashing threads of the process's own policy. */
    public PlatformThreadHasher(PasswordHasher delegate, int threads, Duration maxWait, Duration expectedHash) {
        this(delegate, threads, maxWait, expectedHash, Priority.NORMAL);
    }

    /** Hashing threads of {@code priority}; a caller waits for a thread as long as it takes. */
    public PlatformThreadHasher(PasswordHasher delegate, int threads, Duration maxWait, Duration expectedHash,
                                Priority priority) {
        this(delegate, threads, maxWait, expectedHash, priority, Duration.ZERO);
    }

    /**
     * Starts the hashing threads and their completer.
     *
     * @param threads      hashes at once, at most
     * @param maxWait      the longest a hash may expect to wait for a thread; beyond, it is refused
     * @param expectedHash what a hash is taken to cost until some have been timed
     * @param priority     the policy the hashing threads put themselves under
     * @param giveUpAfter  how long a caller admitted waits for a thread to take its hash before it is
     *                     refused busy after all ({@link Duration#ZERO}: for ever). The estimate that
     *                     admitted it assumes the threads hash as fast as lately; on spare CPU they may
     *                     get less, and a caller then learns so within this bound, not a hash's queue later.
     */
    public PlatformThreadHasher(PasswordHasher delegate, int threads, Duration maxWait, Duration expectedHash,
                                Priority priority, Duration giveUpAfter) {
        if (threads < 1 || maxWait.isNegative() || maxWait.isZero() || expectedHash.isNegative() || expectedHash.isZero()
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("at least one hashing thread, a positive wait and a positive hash time");
        }
        this.giveUpAfterNanos = giveUpAfter.toNanos();
        this.delegate = delegate;
        this.threadCount = threads;
        this.maxWaitNanos = maxWait.toNanos();
        this.meanNanos = new AtomicLong(expectedHash.toNanos());
        if (priority == Priority.IDLE) {
            // JNA, libc and the delegate's native library (whose loading may start JNA's cleaner thread)
            // are loaded here, on the caller's policy, not by the first hashing thread
            IdlePriority.supported();
            delegate.hash("warm-up");
        }
        // all started here, by a thread of normal policy: none is ever created by an idle one
        this.completer = Thread.ofPlatform().name("password-hashed").daemon().start(this::complete);
        var factory = Thread.ofPlatform().name("password-hash-", 1).daemon().factory();
        for (int i = 0; i < threads; i++) {
            Thread thread = factory.newThread(() -> hash(priority));
            hashingThreads.add(thread);
            thread.start();
        }
    }

    /** All cores but one (at least one thread): hashing never takes the whole machine. */
    public static int threadsLeavingACore() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * One per core where hashing runs under {@code SCHED_IDLE} (it takes only spare CPU, so it may
     * take all of it); else {@link #threadsLeavingACore()}.
     */
    public static int threadsForSpareCpu() {
        return IdlePriority.supported() ? Runtime.getRuntime().availableProcessors() : threadsLeavingACore();
    }

    /** A hashing thread: takes the calls in turn and hands each outcome to the completer, never to the caller. */
    private void hash(Priority priority) {
        if (priority == Priority.IDLE && IdlePriority.enterCurrentThread()) {
            idleThreads.incrementAndGet();
        }
        serve(jobs, job -> done.add(job.run(this)));
    }

    /** The completer: wakes each caller with its outcome, on a thread of the process's policy. */
    private void complete() {
        serve(done, outcome -> outcome.deliver(wakers));
    }

    /**
     * Takes {@code queue}'s items in turn until interrupted. Nothing else ends the thread (its callers
     * would wait for ever): {@link Job#run} turns the work's failures into outcomes, and whatever else
     * fails (memory) is left to the JVM, not handled here, where a hashing thread must wake no caller.
     */
    private static <T> void serve(BlockingQueue<T> queue, java.util.function.Consumer<T> handle) {
        while (true) {
            T next;
            try {
                next = queue.take();
            } catch (InterruptedException closed) {
                return;
            }
            try {
                handle.accept(next);
            } catch (RuntimeException | Error unexpected) {
                // the thread goes on; the call it served is failed by close() if nothing else answers it
            }
        }
    }

    /** A call waiting for a hashing thread; whoever claims it first, that thread or the caller giving up, hands its place back. */
    private record Job<T>(Callable<T> work, CompletableFuture<T> outcome, AtomicBoolean claimed) {
        Done<T> run(PlatformThreadHasher hasher) {
            if (!claimed.compareAndSet(false, true)) {
                return new Done<>(outcome, null, null);
            }
            try {
                return new Done<>(outcome, hasher.timed(work), null);
            } catch (Throwable failed) {
                return new Done<>(outcome, null, failed);
            }
        }
    }

    private record Done<T>(CompletableFuture<T> outcome, T value, Throwable failure) {
        /** Completes the caller's outcome, which wakes it; {@code wakers} learns which thread did. */
        void deliver(Set<Thread> wakers) {
            wakers.add(Thread.currentThread());
            if (failure == null) {
                outcome.complete(value);
            } else {
                outcome.completeExceptionally(failure);
            }
        }
    }

    @Override
    public String hash(String password) {
        return onHashingThread(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(String password, String hash) {
        return onHashingThread(() -> delegate.verify(password, hash));
    }

    @Override
    public boolean needsRehash(String hash) {
        return delegate.needsRehash(hash);
    }

    @Override
    public void admit() {
        long wait = expectedWaitNanos(admitted.get());
        if (wait > maxWaitNanos) {
            throw busy(wait);
        }
    }

    /** The refusal of a hash that would wait {@code waitNanos}, its Retry-After at most {@link #LONGEST_RETRY_AFTER}. */
    private static PasswordHasher.BusyException busy(long waitNanos) {
        return new PasswordHasher.BusyException(Duration.ofNanos(Math.min(waitNanos, LONGEST_RETRY_AFTER.toNanos())));
    }

    /** What a hash arriving with {@code ahead} others admitted would wait: those beyond the threads, shared by them. */
    private long expectedWaitNanos(int ahead) {
        long queued = Math.max(0, ahead + 1 - threadCount);
        return meanNanos.get() * queued / threadCount;
    }

    private <T> T onHashingThread(Callable<T> work) {
        if (closed) {
            throw new IllegalStateException("the password hasher is closed");
        }
        admitOne();
        Job<T> job = new Job<>(work, new CompletableFuture<>(), new AtomicBoolean());
        pending.add(job.outcome());
        jobs.add(job);
        if (closed) {
            failPending();
        }
        try {
            return giveUpAfterNanos > 0 ? awaitOrGiveUp(job) : job.outcome().get();
        } catch (InterruptedException e) {
            if (job.claimed().compareAndSet(false, true)) {
                admitted.decrementAndGet();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the password hash", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pending.remove(job.outcome());
        }
    }

    /**
     * The outcome, or busy if no thread took the call within {@link #giveUpAfterNanos}: the caller
     * then claims the call, so no thread will hash it, takes it out of the queue and hands its place
     * back, and is told to come back no sooner than it waited. A call a thread took already is waited
     * for, a hash away.
     */
    private <T> T awaitOrGiveUp(Job<T> job) throws InterruptedException, ExecutionException {
        try {
            return job.outcome().get(giveUpAfterNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            if (job.claimed().compareAndSet(false, true)) {
                // out of the queue now, password and all, rather than when a thread reaches it
                jobs.remove(job);
                admitted.decrementAndGet();
                // the estimate just proved short: come back no sooner than this caller waited
                throw busy(Math.max(giveUpAfterNanos, expectedWaitNanos(admitted.get())));
            }
            return job.outcome().get();
        }
    }

    /** Takes a place if the wait it would mean is within bounds, atomically with the others arriving. */
    private void admitOne() {
        while (true) {
            int ahead = admitted.get();
            long wait = expectedWaitNanos(ahead);
            if (wait > maxWaitNanos) {
                throw busy(wait);
            }
            if (admitted.compareAndSet(ahead, ahead + 1)) {
                return;
            }
        }
    }

    private <T> T timed(Callable<T> work) throws Exception {
        long start = System.nanoTime();
        try {
            return work.call();
        } finally {
            long took = System.nanoTime() - start;
            meanNanos.updateAndGet(mean -> Math.round(mean + NEWEST_WEIGHT * (took - mean)));
            admitted.decrementAndGet();
        }
    }

    /** Hashes admitted and waiting for a thread. */
    int waiting() {
        return Math.max(0, admitted.get() - threadCount);
    }

    /** The running mean of a hash's time, as the wait is estimated from. */
    Duration meanHash() {
        return Duration.ofNanos(meanNanos.get());
    }

    /** The threads that have woken a caller with its outcome. */
    Set<Thread> wakers() {
        return Set.copyOf(wakers);
    }

    /** Hashing threads that run under {@code SCHED_IDLE}. */
    int idleThreads() {
        return idleThreads.get();
    }

    /** Stops the threads; a call waiting for a thread or for its hash fails rather than waiting for ever. */
    @Override
    public void close() {
        closed = true;
        hashingThreads.forEach(Thread::interrupt);
        completer.interrupt();
        failPending();
    }

    /** Fails every call not answered yet, on the calling thread (the closing one: of normal policy). */
    private void failPending() {
        jobs.clear();
        for (CompletableFuture<?> outcome : List.copyOf(pending)) {
            new Done<>(outcome, null, new IllegalStateException("the password hasher is closed")).deliver(wakers);
        }
    }
}
