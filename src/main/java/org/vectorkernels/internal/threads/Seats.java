package org.vectorkernels.internal.threads;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread count ({@link Threads#shared()}) as seats shared by every caller: each thread at work
 * on a call, caller or hired worker, holds one. A caller hires workers only for free seats, and one
 * that arrives while workers hold the seats it needs waits (parked) until a worker hands its seat
 * back after its part; seats held by callers alone do not make it wait. So the threads at work are
 * at most the count while the callers alone are fewer. A caller that has just left keeps its seat
 * from being hired for a moment ({@link #GRACE_NANOS}): callers in a loop come back at once, and a
 * worker hired in the gap would only make the one coming back wait.
 */
final class Seats {
    /** One worker, in {@link #STATE}'s high half. */
    private static final long WORKER = 1L << 32;
    /** The threads at work in the low 32 bits, the workers among them in the high 32: changed together. */
    private static final AtomicLong STATE = new AtomicLong();
    /** Callers waiting for a worker's seat: the workers hand theirs back when they see them. */
    private static final AtomicInteger WAITING = new AtomicInteger();
    /** How often a waiting caller looks for a seat: a worker's part takes tens of microseconds at least. */
    private static final long POLL_NANOS = 20_000;
    /**
     * How long the seat of a caller that left stays unhired by others. Two callers in a loop on two
     * threads (1000×784×100, Zen 5, JMH) made 1,196 calls a second together without it and 1,397 with
     * it, both before callers of unsplit products held seats (docs/performance.md, twelfth session);
     * each alone, 2,070. Not measured without it since.
     */
    private static final long GRACE_NANOS = 1_000_000;
    /** The last two callers to leave and when (B the one before A): a caller looks for any but itself. */
    private static volatile long leaverA = -1, leftAtA, leaverB = -1, leftAtB;

    private Seats() {}

    private static int busy(long state) {
        return (int) state;
    }

    private static int workers(long state) {
        return (int) (state >>> 32);
    }

    /** The threads at work on calls now. */
    static int busy() {
        return busy(STATE.get());
    }

    /** 1 if another caller left within the grace time (its seat is kept for it), else 0. */
    private static int justLeft() {
        long me = Thread.currentThread().threadId(), now = System.nanoTime();
        return leaverA != me && now - leftAtA < GRACE_NANOS || leaverB != me && now - leftAtB < GRACE_NANOS ? 1 : 0;
    }

    /** Takes the calling thread's seat: at once when one is free or callers hold them all, else once a worker has left one. */
    static void enterCaller() {
        if (tryEnter()) {
            return;
        }
        WAITING.incrementAndGet();
        boolean interrupted = false;
        try {
            while (!tryEnter()) {
                LockSupport.parkNanos(Seats.class, POLL_NANOS);
                interrupted |= Thread.interrupted(); // else parkNanos returns at once and this loop spins
            }
        } finally {
            WAITING.decrementAndGet();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean tryEnter() {
        for (;;) {
            long s = STATE.get();
            if (busy(s) >= Threads.shared() && workers(s) > 0) {
                return false;
            }
            if (STATE.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    static void leaveCaller() {
        long me = Thread.currentThread().threadId(), now = System.nanoTime();
        if (leaverA != me) { // races between leavers cost a hire at most
            leaverB = leaverA;
            leftAtB = leftAtA;
            leaverA = me;
        }
        leftAtA = now;
        STATE.decrementAndGet();
    }

    /** Takes up to {@code wanted} free seats for workers (none while callers wait); returns how many. */
    static int reserveWorkers(int wanted) {
        while (wanted > 0) {
            long s = STATE.get();
            int seats = Math.min(wanted, Threads.shared() - busy(s) - WAITING.get() - justLeft());
            if (seats <= 0) {
                return 0;
            }
            if (STATE.compareAndSet(s, s + seats * (WORKER + 1))) {
                return seats;
            }
        }
        return 0;
    }

    /** Gives back {@code seats} workers' seats: unused reservations, or a worker done with its call. */
    static void releaseWorkers(int seats) {
        STATE.addAndGet(-seats * (WORKER + 1));
    }

    /** Whether a worker should hand its seat back now rather than take another part: more threads want seats than there are. */
    static boolean overbooked() {
        return busy() + WAITING.get() > Threads.shared();
    }

    /** Whether every seat is taken or waited for, so that no call could hire an idle worker now. */
    static boolean full() {
        return busy() + WAITING.get() >= Threads.shared();
    }
}
