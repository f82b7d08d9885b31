package com.medicarewizard.runtime.lambda;

import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.runtime.os.IdlePriority;
import com.medicarewizard.runtime.os.KernelThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PlatformThreadHasherTest {
    private static final Duration SECONDS_2 = Duration.ofSeconds(2);
    private static final Duration HASH_1S = Duration.ofSeconds(1);

    /** Records the thread each call ran on; "hash" of p is "h:" + p. */
    private static final class Recording implements PasswordHasher {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public String hash(String password) {
            threads.add(Thread.currentThread());
            return "h:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            threads.add(Thread.currentThread());
            if (password.equals("boom")) {
                throw new IllegalStateException("the delegate failed");
            }
            return hash.equals("h:" + password);
        }
    }

    @Test
    void hashesOnItsOwnPlatformThreadsWhenCalledFromVirtualThreads() throws Exception {
        Recording delegate = new Recording();
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(delegate, 2, SECONDS_2, HASH_1S);
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = callers.invokeAll(List.of(
                    () -> hasher.hash("a"), () -> String.valueOf(hasher.verify("a", "h:a")),
                    () -> String.valueOf(hasher.verify("a", "h:b"))));

            assertThat(answers.get(0).get()).isEqualTo("h:a");
            assertThat(answers.get(1).get()).isEqualTo("true");
            assertThat(answers.get(2).get()).isEqualTo("false");
        }
        assertThat(delegate.threads).isNotEmpty().allSatisfy(thread -> {
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.getName()).startsWith("password-hash-");
        });
    }

    /**
     * ADR 0011: the hashing threads run under SCHED_IDLE, and no other thread does, however many
     * callers they serve. A thread inherits its creator's policy and cannot leave SCHED_IDLE, so an
     * idle thread that created one (a carrier for the virtual thread it woke, say) would leave a
     * thread of the process for ever behind every other process's work.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void hashesUnderSchedIdleAndLeavesEveryOtherThreadAtTheProcesssPolicy() throws Exception {
        assertThat(IdlePriority.supported()).as("SCHED_IDLE through JNA on Linux").isTrue();
        Recording delegate = new Recording();
        // a backlog of a minute and hashes taken to cost a millisecond: none of the 200 is refused
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(delegate, 2, Duration.ofMinutes(1),
                Duration.ofMillis(1), PlatformThreadHasher.Priority.IDLE);
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            delegate.threads.clear(); // the constructor's warm-up hash, on this thread
            List<java.util.concurrent.Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String p = "p" + i;
                answers.add(callers.submit(() -> hasher.verify(p, "h:" + p)));
            }
            for (var answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isTrue();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> hasher.idleThreads() == 2);

            List<KernelThreads.Task> tasks = KernelThreads.all();
            assertThat(tasks).filteredOn(t -> t.name().matches("password-hash-\\d+")).hasSize(2)
                    .allSatisfy(t -> assertThat(t.idle()).as(t.name()).isTrue());
            assertThat(tasks).filteredOn(KernelThreads.Task::idle).as("threads under SCHED_IDLE")
                    .allSatisfy(t -> assertThat(t.name()).matches("password-hash-\\d+"));
            assertThat(tasks).filteredOn(t -> t.name().equals("password-hashed")).singleElement()
                    .satisfies(t -> assertThat(t.policy()).isEqualTo(KernelThreads.SCHED_OTHER));
            // which thread completed each caller's outcome, recorded where it is completed: the
            // callers' carriers exist already, so an idle thread waking one would create nothing
            // for the kernel's side to show
            assertThat(hasher.wakers()).singleElement().satisfies(t -> assertThat(t.getName()).isEqualTo("password-hashed"));
        }
        assertThat(delegate.threads).isNotEmpty().allSatisfy(t -> assertThat(t.getName()).startsWith("password-hash-"));
    }

    /** A hash under way when the hasher closes (native code does not heed an interrupt): its caller is told, not left waiting. */
    @Test
    void closingFailsTheCallsWaitingForAHashUnderWay() throws Exception {
        Blocking deaf = new Blocking(true);
        PlatformThreadHasher hasher = new PlatformThreadHasher(deaf, 1, SECONDS_2, HASH_1S);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = callers.submit(() -> hasher.hash("a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> deaf.started.contains("a"));
            var queued = callers.submit(() -> hasher.hash("b"));
            await().atMost(Duration.ofSeconds(60)).until(() -> hasher.waiting() == 1);

            hasher.close();

            assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause().hasMessageContaining("closed");
            assertThatThrownBy(() -> queued.get(60, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class);
        } finally {
            deaf.release.countDown();
        }
    }

    @Test
    void aNormalHasherLeavesItsThreadsAtTheProcesssPolicy() {
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(new Recording(), 1, SECONDS_2, HASH_1S)) {
            assertThat(hasher.verify("a", "h:a")).isTrue();
            assertThat(hasher.idleThreads()).isZero();
        }
    }

    @Test
    void aCallToAClosedHasherFailsRatherThanWaitingForEver() {
        PlatformThreadHasher hasher = new PlatformThreadHasher(new Recording(), 1, SECONDS_2, HASH_1S);
        hasher.close();
        assertThatIllegalStateException().isThrownBy(() -> hasher.hash("a")).withMessageContaining("closed");
    }

    @Test
    void hashesAtMostAsManyAtOnceAsItHasThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> busy = ConcurrentHashMap.newKeySet();
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public String hash(String password) {
                busy.add(Thread.currentThread());
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return password;
            }

            @Override
            public boolean verify(String password, String hash) {
                return false;
            }
        };
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(slow, 2, SECONDS_2, HASH_1S);
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                String p = "p" + i;
                callers.submit(() -> hasher.hash(p));
            }
            // both threads take a call however late a busy machine starts them, and no third joins
            await().atMost(Duration.ofSeconds(60)).until(() -> busy.size() == 2);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(60)).until(() -> busy.size() == 2);
            release.countDown();
        }
    }

    /** Hashes that run until released; "hash" of p is "h:" + p. */
    private static final class Blocking implements PasswordHasher {
        final CountDownLatch release = new CountDownLatch(1);
        final Set<String> started = ConcurrentHashMap.newKeySet();
        /** Whether an interrupt is ignored, as by a hash in native code: it runs until released. */
        private final boolean deaf;

        Blocking() {
            this(false);
        }

        Blocking(boolean deaf) {
            this.deaf = deaf;
        }

        @Override
        public String hash(String password) {
            started.add(password);
            do {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    if (!deaf) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            } while (deaf && release.getCount() > 0);
            return "h:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            return hash.equals(hash(password));
        }
    }

    @Test
    void refusesAtOnceAHashThatWouldWaitLongerThanTheBacklogAllowsWithHowLong() throws Exception {
        Blocking slow = new Blocking();
        // one thread, a hash taken to cost 1 s: the second and third wait 1 and 2 s, the fourth would wait 3
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(slow, 1, SECONDS_2, HASH_1S);
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = callers.submit(() -> hasher.hash("a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> slow.started.contains("a"));
            var second = callers.submit(() -> hasher.hash("b"));
            await().atMost(Duration.ofSeconds(60)).until(() -> hasher.waiting() == 1);
            var third = callers.submit(() -> hasher.hash("c"));
            await().atMost(Duration.ofSeconds(60)).until(() -> hasher.waiting() == 2);

            assertThatThrownBy(() -> hasher.verify("d", "h:d")).isInstanceOfSatisfying(PasswordHasher.BusyException.class,
                    busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(3));
            assertThatThrownBy(hasher::admit).isInstanceOf(PasswordHasher.BusyException.class);
            assertThat(hasher.waiting()).as("a refusal takes no place").isEqualTo(2);

            slow.release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo("h:a");
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo("h:b");
            assertThat(third.get(60, TimeUnit.SECONDS)).isEqualTo("h:c");
            assertThat(hasher.waiting()).isZero();
            hasher.admit();
            assertThat(hasher.verify("d", "h:d")).isTrue();
        }
    }

    /** A stalled hash inflates the mean: however long the estimate, the client is told to come back within 10 s. */
    @Test
    void aRefusalNeverAsksToWaitMoreThanTenSeconds() throws Exception {
        Blocking slow = new Blocking();
        // one thread, a hash taken to cost a minute: the next would be estimated to wait 60 s
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(slow, 1, SECONDS_2, Duration.ofMinutes(1));
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = callers.submit(() -> hasher.hash("a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> slow.started.contains("a"));

            try {
                assertThatThrownBy(hasher::admit).isInstanceOfSatisfying(PasswordHasher.BusyException.class,
                        busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(10));
                assertThatThrownBy(() -> hasher.verify("b", "h:b")).isInstanceOfSatisfying(
                        PasswordHasher.BusyException.class, busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(10));
            } finally {
                slow.release.countDown();
            }
            assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo("h:a");
        }
    }

    @Test
    void theBacklogIsMeasuredInTheTimeHashesTakeHere() {
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(new Recording(), 1, SECONDS_2, Duration.ofSeconds(30))) {
            for (int i = 0; i < 100; i++) {
                hasher.hash("p" + i);
            }
            // instant hashes: the mean falls from the 30 s first taken towards what they cost
            assertThat(hasher.meanHash()).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aCallerThatGivesUpWhileWaitingHandsItsPlaceBack() throws Exception {
        Blocking slow = new Blocking();
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(slow, 1, SECONDS_2, HASH_1S);
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = callers.submit(() -> hasher.hash("a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> slow.started.contains("a"));
            var givesUp = callers.submit(() -> hasher.hash("b"));
            await().atMost(Duration.ofSeconds(60)).until(() -> hasher.waiting() == 1);

            givesUp.cancel(true);

            await().atMost(Duration.ofSeconds(60)).until(() -> hasher.waiting() == 0);
            slow.release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo("h:a");
            assertThat(slow.started).doesNotContain("b");
        }
    }

    /** A call admitted but not taken by a thread within its bound is refused busy, never hashed, and its place handed back. */
    @Test
    void aCallNoThreadTookInTimeIsRefusedBusyAndNeverHashed() throws Exception {
        Blocking slow = new Blocking();
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(slow, 1, Duration.ofMinutes(1), HASH_1S,
                PlatformThreadHasher.Priority.NORMAL, Duration.ofMillis(100));
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = callers.submit(() -> hasher.hash("a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> slow.started.contains("a"));
            var late = callers.submit(() -> hasher.hash("b"));

            assertThatThrownBy(() -> late.get(60, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
                    PasswordHasher.BusyException.class, busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(1));
            assertThat(hasher.waiting()).as("its place handed back").isZero();
            slow.release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS)).as("the hash under way is waited for").isEqualTo("h:a");
            assertThat(hasher.hash("c")).isEqualTo("h:c");
            assertThat(slow.started).containsExactlyInAnyOrder("a", "c");
        }
    }

    @Test
    void leavesACoreToEverythingElse() {
        assertThat(PlatformThreadHasher.threadsLeavingACore())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    @Test
    void refusesABacklogItCannotUse() {
        assertThatThrownBy(() -> new PlatformThreadHasher(new Recording(), 0, SECONDS_2, HASH_1S))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformThreadHasher(new Recording(), 1, Duration.ZERO, HASH_1S))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passesOnTheDelegatesFailure() {
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(new Recording(), 1, SECONDS_2, HASH_1S)) {
            assertThatIllegalStateException().isThrownBy(() -> hasher.verify("boom", "h:boom"))
                    .withMessage("the delegate failed");
        }
    }
}
