package com.medicarewizard.runtime.os;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each thread lowers its own priority, and only its own: read back from the kernel's view of the thread. */
class ThreadNicenessTest {

    @Test
    void aLoweredThreadRunsAtItsNiceValueAndItsCreatorKeepsItsOwn() throws Exception {
        assertThat(ThreadNiceness.supported()).as("per-thread nice on this Linux machine").isTrue();
        int before = niceOfThisThread();
        var seen = new CompletableFuture<Integer>();
        var pool = Executors.newSingleThreadExecutor(ThreadNiceness.lowered(Thread.ofPlatform().factory(), 7));
        try {
            pool.execute(() -> seen.complete(niceOfThisThread()));
            assertThat(seen.get()).isEqualTo(7);
        } finally {
            pool.shutdown();
        }
        assertThat(niceOfThisThread()).isEqualTo(before);
    }

    @Test
    void aThreadLowersItselfOnlyWithinTheNiceRange() throws Exception {
        var seen = new CompletableFuture<Integer>();
        Thread.ofPlatform().start(() -> {
            assertThat(ThreadNiceness.lowerCurrentThread(ThreadNiceness.SPARE)).isTrue();
            seen.complete(niceOfThisThread());
        }).join();
        assertThat(seen.get()).isEqualTo(19);
        assertThatThrownBy(() -> ThreadNiceness.lowerCurrentThread(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadNiceness.lowerCurrentThread(20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadNiceness.lowered(Thread.ofPlatform().factory(), -5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int niceOfThisThread() {
        return KernelThreads.niceOfThisThread();
    }
}
