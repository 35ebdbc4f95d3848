package org.vectorkernels.internal.threads;

import org.vectorkernels.internal.WholeNumberProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vectorkernels.Parallelism;

/**
 * Teams: every member runs at once on its own thread (they pass a barrier many times), a failing
 * member releases the others instead of hanging the call, and a team started on a worker is the
 * worker alone; the idle-spin setting is checked.
 */
class WorkerPoolTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final int before = Parallelism.threads();

    @AfterEach
    void restore() {
        Parallelism.setThreads(before);
    }

    /** Members that meet at a barrier {@code rounds} times, counting their arrivals per round. */
    private static class Rounds implements WorkerPool.Team {
        final TeamBarrier barrier = new TeamBarrier();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final AtomicIntegerArray runs = new AtomicIntegerArray(16);
        final int rounds;
        int members;
        AtomicIntegerArray arrivals;

        Rounds(int rounds) {
            this.rounds = rounds;
        }

        @Override
        public void members(int count) {
            members = count;
            arrivals = new AtomicIntegerArray(rounds);
            barrier.reset(count);
        }

        @Override
        public void run(int part) {
            threads.add(Thread.currentThread());
            runs.incrementAndGet(part);
            for (int r = 0; r < rounds; r++) {
                arrivals.incrementAndGet(r);
                barrier.await();
                // Nobody gets past round r before every member has arrived at it.
                assertEquals(members, arrivals.get(r), "arrivals at round " + r);
                barrier.await();
            }
        }
    }

    @Test
    void everyMemberRunsOnceOnItsOwnThreadAtTheSameTime() {
        Parallelism.setThreads(3);
        for (int call = 0; call < 20; call++) {
            Rounds team = new Rounds(50);
            assertTimeoutPreemptively(LIMIT, () -> WorkerPool.runTeam(team, 3));
            assertTrue(team.members >= 1 && team.members <= 3, "members " + team.members);
            assertEquals(team.members, team.threads.size(), "one thread per member");
            for (int p = 0; p < team.members; p++) {
                assertEquals(1, team.runs.get(p), "runs of member " + p);
            }
        }
    }

    @Test
    void aFailingMemberReleasesTheOthers() {
        Parallelism.setThreads(3);
        RuntimeException planted = new RuntimeException("planted");
        AtomicInteger teamSize = new AtomicInteger();
        WorkerPool.Team team = new WorkerPool.Team() {
            final TeamBarrier barrier = new TeamBarrier();

            @Override
            public void members(int count) {
                teamSize.set(count);
                barrier.reset(count);
            }

            @Override
            public void run(int part) {
                try {
                    barrier.await();
                    if (part == teamSize.get() - 1) {
                        throw planted;
                    }
                    barrier.await(); // never passed: the last member does not come
                } catch (RuntimeException e) {
                    barrier.breakWith(e);
                    throw e;
                }
            }
        };
        for (int call = 0; call < 10; call++) {
            RuntimeException thrown = assertTimeoutPreemptively(LIMIT,
                    () -> assertThrows(RuntimeException.class, () -> WorkerPool.runTeam(team, 3)));
            assertTrue(thrown == planted || thrown.getCause() == planted, "reported " + thrown);
        }
        // The pool is still usable.
        Rounds after = new Rounds(5);
        assertTimeoutPreemptively(LIMIT, () -> WorkerPool.runTeam(after, 3));
        assertEquals(after.members, after.threads.size());
    }

    @Test
    void aTeamStartedOnAWorkerIsTheWorkerAlone() {
        Parallelism.setThreads(2);
        Rounds inner = new Rounds(3);
        Thread[] outerThread = new Thread[2];
        assertTimeoutPreemptively(LIMIT, () -> WorkerPool.run(part -> {
            outerThread[part] = Thread.currentThread();
            if (Thread.currentThread().getName().startsWith("vector-kernels-worker")) {
                WorkerPool.runTeam(inner, 2);
            }
        }, 2));
        if (!inner.threads.isEmpty()) { // a worker took part 0 or 1 (it is not certain to be idle)
            assertEquals(1, inner.members);
            assertSame(inner.threads.iterator().next(), inner.threads.iterator().next());
        }
    }

    @Test
    void aParkedWorkerIsReportedAsleepAndRousedToPoll() throws InterruptedException {
        Parallelism.setThreads(2);
        WorkerPool.run(p -> { }, 2); // starts the worker if there was none
        long deadline = System.nanoTime() + LIMIT.toNanos();
        // Past its polling time (100 µs by default) an idle worker parks; asking wakes it to poll again.
        Thread.sleep(50);
        assertFalse(WorkerPool.workerAwake(1), "a worker idle for 50 ms is parked");
        boolean awake = WorkerPool.SPIN_NANOS == 0; // a build that turns polling off has no awake worker to see
        while (!awake && System.nanoTime() < deadline) {
            awake = WorkerPool.workerAwake(1);
        }
        assertTrue(awake, "the roused worker polls");
        assertTrue(WorkerPool.workerAwake(WorkerPool.liveWorkers() + 1), "too few workers: a call starts one");
    }

    @Test
    void spinPropertyIsMicrosecondsAndBadValuesNameTheProperty() {
        assertEquals(0, spinMicros("0"));
        assertEquals(100, spinMicros(" 100 "));
        for (String bad : new String[] {"-1", "1000001", "1.5", "", "fast"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spinMicros(bad));
            assertTrue(e.getMessage().contains(WorkerPool.SPIN_PROPERTY + "=" + bad), e.getMessage());
        }
    }

    private static long spinMicros(String v) {
        return WholeNumberProperty.parse(WorkerPool.SPIN_PROPERTY, v, 0, 1_000_000, "microseconds");
    }
}
