package org.vectorkernels.internal.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vectorkernels.Parallelism;

/** A task's cap: its calls stay on fewer threads, other threads keep the count, caps nest, and nothing is left behind. */
class CappedThreadsTest {
    private final int before = Parallelism.threads();

    @AfterEach
    void restore() {
        Parallelism.setThreads(before);
    }

    @Test
    void aCappedTasksCallsRunOnItsThreadAlone() {
        Parallelism.setThreads(4);
        List<Thread> ran = new CopyOnWriteArrayList<>();
        int seen = Parallelism.callWithThreads(1, () -> {
            WorkerPool.run(part -> ran.add(Thread.currentThread()), 4);
            return Parallelism.threads();
        });
        assertEquals(1, seen);
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread(), Thread.currentThread(), Thread.currentThread()), ran);
        assertEquals(4, Parallelism.threads(), "the cap ends with the task");
    }

    @Test
    void capsNestAndOtherThreadsKeepTheCount() throws InterruptedException {
        Parallelism.setThreads(4);
        AtomicInteger other = new AtomicInteger();
        int[] inner = new int[2];
        Parallelism.callWithThreads(3, () -> {
            Thread t = Thread.ofPlatform().start(() -> other.set(Parallelism.threads()));
            inner[0] = Parallelism.callWithThreads(8, Parallelism::threads); // the lower cap holds
            inner[1] = Parallelism.callWithThreads(2, Parallelism::threads);
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
        assertEquals(4, other.get());
        assertEquals(3, inner[0]);
        assertEquals(2, inner[1]);
        assertEquals(4, Parallelism.threads());
    }

    @Test
    void aFailingTaskLeavesNoCapAndABadCountRunsNothing() {
        Parallelism.setThreads(2);
        assertThrows(IllegalStateException.class, () -> Parallelism.callWithThreads(1, () -> {
            throw new IllegalStateException("task");
        }));
        assertEquals(2, Parallelism.threads());
        AtomicInteger runs = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallelism.callWithThreads(0, runs::incrementAndGet));
        assertEquals(0, runs.get());
        assertEquals("count must be at least 1, not 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> Parallelism.callWithThreads(1, null));
    }
}
