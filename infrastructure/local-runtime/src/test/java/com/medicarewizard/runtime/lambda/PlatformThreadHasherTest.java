package com.medicarewizard.runtime.lambda;

import com.medicarewizard.intake.auth.PasswordHasher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(delegate, 2, 8);
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
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(slow, 2, 8);
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

    @Test
    void refusesAtOnceWhenAsManyAsItMayQueueAreWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public String hash(String password) {
                started.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "h:" + password;
            }

            @Override
            public boolean verify(String password, String hash) {
                return hash.equals(hash(password));
            }
        };
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(slow, 1, 1);
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = callers.submit(() -> hasher.hash("a"));
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            var queued = callers.submit(() -> hasher.hash("b"));
            await().atMost(Duration.ofSeconds(60)).until(() -> hasher.waiting() == 1);

            assertThatThrownBy(() -> hasher.verify("c", "h:c")).isInstanceOf(PasswordHasher.BusyException.class);

            release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo("h:a");
            assertThat(queued.get(60, TimeUnit.SECONDS)).isEqualTo("h:b");
            assertThat(hasher.verify("d", "h:d")).isTrue();
        }
    }

    @Test
    void passesOnTheDelegatesFailure() {
        try (PlatformThreadHasher hasher = new PlatformThreadHasher(new Recording(), 1, 1)) {
            assertThatIllegalStateException().isThrownBy(() -> hasher.verify("boom", "h:boom"))
                    .withMessage("the delegate failed");
        }
    }
}
