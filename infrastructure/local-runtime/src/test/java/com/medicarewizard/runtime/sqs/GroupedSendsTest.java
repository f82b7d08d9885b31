package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue.QueueFigures;
import com.medicarewizard.port.ReservationQueue.QueueUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sends made while a batch is on its way go out together; each caller learns its own outcome. */
class GroupedSendsTest {
    private static final QueueFigures NONE = new QueueFigures(0, 0, 0);

    @Test
    void sendsMadeWhileABatchIsOnItsWayGoOutTogetherAndEachReturnsOnceAccepted() throws Exception {
        CountDownLatch firstBatchHeld = new CountDownLatch(1);
        List<List<ReservationCommand>> batches = Collections.synchronizedList(new ArrayList<>());
        try (GroupedSends sends = new GroupedSends(batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                held(firstBatchHeld);
            }
            return List.of();
        }, () -> NONE)) {
            List<Future<?>> callers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 41; i++) {
                    callers.add(pool.submit(() -> sends.send(decide())));
                    if (i == 0) {
                        await().atMost(Duration.ofSeconds(30)).until(() -> batches.size() == 1);
                    }
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> sends.waiting() == 40);
                firstBatchHeld.countDown();
                for (Future<?> caller : callers) {
                    caller.get(30, TimeUnit.SECONDS);
                }
            }
            assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(41);
            assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, GroupedSends.MAX_BATCH));
            assertThat(batches).as("40 sends behind the first went out in batches of ten").hasSize(5);
        }
    }

    @Test
    void aCommandTheQueueDidNotAcceptFailsItsOwnCallerOnly() throws Exception {
        ReservationCommand refused = decide();
        ReservationCommand accepted = decide();
        CountDownLatch bothWaiting = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (GroupedSends sends = new GroupedSends(batch -> {
            if (calls.incrementAndGet() == 1) {
                held(bothWaiting);
            }
            return batch.contains(refused) ? List.of(refused) : List.of();
        }, () -> NONE)) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> first = pool.submit(() -> sends.send(decide()));
                await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() == 1);
                Future<?> bad = pool.submit(() -> sends.send(refused));
                Future<?> good = pool.submit(() -> sends.send(accepted));
                await().atMost(Duration.ofSeconds(30)).until(() -> sends.waiting() == 2);
                bothWaiting.countDown();
                first.get(30, TimeUnit.SECONDS);
                good.get(30, TimeUnit.SECONDS);
                assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(QueueUnavailableException.class);
            }
        }
    }

    @Test
    void aBatchRefusedAsAWholeFailsEveryCallerInItAndTheNextSendsGoOn() {
        AtomicInteger calls = new AtomicInteger();
        try (GroupedSends sends = new GroupedSends(batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new QueueUnavailableException("down", null);
            }
            return List.of();
        }, () -> NONE)) {
            assertThatThrownBy(() -> sends.send(decide())).isInstanceOf(QueueUnavailableException.class);
            sends.send(decide());
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aClosedQueueRefusesSends() {
        GroupedSends sends = new GroupedSends(batch -> List.of(), () -> NONE);
        sends.close();
        assertThatThrownBy(() -> sends.send(decide())).isInstanceOf(QueueUnavailableException.class);
    }

    private static ReservationCommand decide() {
        return new ReservationCommand(ReservationCommand.Type.DECIDE, ReservationId.random(), "c");
    }

    private static void held(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
