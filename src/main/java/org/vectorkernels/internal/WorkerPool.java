package org.vectorkernels.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.vectorkernels.Parallelism;

/**
 * Runs the parts of one call on the calling thread and on whichever of the library's worker
 * threads are idle. Each worker has a one-task mailbox: a caller hires idle workers by
 * compare-and-set, runs parts itself, and then waits only for the workers it hired, which are
 * already running its parts. So there is no queue to back up, no waiting on another caller, and
 * no deadlock when called from a ForkJoinPool task, a parallel stream or a virtual thread. The
 * per-caller task object is reused, so steady-state calls allocate nothing. Idle workers and
 * waiting callers poll for a short while ({@link #SPIN_PROPERTY}) before they park, so calls in
 * quick succession do not pay for waking threads.
 */
public final class WorkerPool {
    /** One call's parts: {@code run(p)} for every p in [0, parts), each exactly once, in any order and thread. */
    public interface Parts {
        void run(int part);
    }

    /** Parts that meet at barriers, so all of them must run at once, each on its own thread. */
    public interface Team extends Parts {
        /** Called on the calling thread with the team's size, before any part runs. */
        void members(int count);
    }

    /**
     * The first of {@code units} units of work that part {@code part} of {@code parts} takes:
     * part p takes [firstUnit(p), firstUnit(p + 1)), as even a split as whole units allow.
     */
    public static int firstUnit(int units, int part, int parts) {
        return (int) ((long) units * part / parts);
    }

    /** The system property for {@link #SPIN_NANOS}, in microseconds. */
    public static final String SPIN_PROPERTY = "vectorkernels.spinMicros";

    /**
     * How long an idle worker polls for its next part, and a caller for its helpers, before
     * parking: waking a parked thread took about 30 µs here, twice per call (5% of a 1 ms call).
     */
    static final long SPIN_NANOS = spinNanos(System.getProperty(SPIN_PROPERTY, "100"));
    private static final ThreadLocal<Task> TASKS = ThreadLocal.withInitial(Task::new);
    private static final Object LOCK = new Object();
    private static volatile Worker[] workers = new Worker[0];

    private WorkerPool() {}

    /** The spin of a {@link #SPIN_PROPERTY} value. */
    static long spinNanos(String v) {
        try {
            long micros = Long.parseLong(v.trim());
            if (micros >= 0 && micros <= 1_000_000) {
                return micros * 1000;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + SPIN_PROPERTY + "=" + v + ": must be a whole number of microseconds in [0, 1000000]");
    }

    /** Runs {@code body} for parts [0, parts) on up to {@link Parallelism#threads()} threads, then returns. */
    public static void run(Parts body, int parts) {
        int helpers = Math.min(parts, Parallelism.threads()) - 1;
        if (helpers <= 0 || Thread.currentThread() instanceof Worker) {
            for (int p = 0; p < parts; p++) {
                body.run(p);
            }
            return;
        }
        Task t = TASKS.get();
        t.start(body);
        t.open(parts);
        hire(t, helpers);
        t.work();
        t.awaitHelpers();
    }

    /**
     * Runs {@code body} as a team of the calling thread and the workers that are idle now, at
     * most {@code maxMembers} in all: part p of {@code members(count)} runs on its own thread, all
     * at once. With no idle worker the team is the caller alone.
     */
    public static void runTeam(Team body, int maxMembers) {
        int helpers = Math.min(maxMembers, Parallelism.threads()) - 1;
        if (helpers <= 0 || Thread.currentThread() instanceof Worker) {
            body.members(1);
            body.run(0);
            return;
        }
        Task t = TASKS.get();
        t.start(body);
        int members = 1 + hire(t, helpers); // hired workers wait until the task opens
        try {
            body.members(members);
        } finally {
            t.open(members); // even on failure, so that the hired workers are let go
        }
        t.work();
        t.awaitHelpers();
    }

    /** Offers the task to idle workers until {@code count} took it or none is left; returns how many did. */
    private static int hire(Task t, int count) {
        Worker[] pool = workers(count);
        int hired = 0;
        for (int i = 0; i < count && hired < count; i++) {
            hired += pool[i].offer(t) ? 1 : 0;
        }
        return hired;
    }

    private static Worker[] workers(int count) {
        Worker[] w = workers;
        if (w.length >= count) {
            return w;
        }
        synchronized (LOCK) {
            w = workers;
            if (w.length < count) {
                Worker[] grown = java.util.Arrays.copyOf(w, count);
                for (int i = w.length; i < count; i++) {
                    grown[i] = new Worker(i + 1);
                    grown[i].start();
                }
                workers = w = grown;
            }
        }
        return w;
    }

    /** One caller's call, reused for its next call once every hired worker has let go of it. */
    private static final class Task {
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger helpers = new AtomicInteger();
        private Parts body;
        private int parts;
        private Thread caller;
        private volatile Throwable failure;
        private volatile boolean open;

        void start(Parts body) {
            this.body = body;
            this.caller = Thread.currentThread();
            failure = null;
            helpers.set(0);
            open = false;
        }

        /** Lets parts be claimed: the volatile write publishes the fields set before it. */
        void open(int parts) {
            this.parts = parts;
            next.set(0);
            open = true;
        }

        /** Claims and runs parts until none are left. */
        void work() {
            while (!open) {
                Thread.onSpinWait(); // a team's caller is counting its hires: microseconds
            }
            for (int p; (p = next.getAndIncrement()) < parts; ) {
                try {
                    body.run(p);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        }

        void awaitHelpers() {
            long spinStart = System.nanoTime();
            while (helpers.get() > 0 && System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            while (helpers.get() > 0) {
                LockSupport.park(this);
            }
            body = null;
            Throwable f = failure;
            if (f instanceof RuntimeException r) {
                throw r;
            } else if (f instanceof Error e) {
                throw e;
            } else if (f != null) {
                throw new IllegalStateException(f);
            }
        }

        void helperDone() {
            if (helpers.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    private static final class Worker extends Thread {
        private static final VarHandle MAILBOX;

        static {
            try {
                MAILBOX = MethodHandles.lookup().findVarHandle(Worker.class, "mailbox", Task.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // through MAILBOX
        private volatile Task mailbox;

        Worker(int index) {
            super("vector-kernels-worker-" + index);
            setDaemon(true);
        }

        /** Hires this worker for {@code t} if it is idle. */
        boolean offer(Task t) {
            t.helpers.incrementAndGet(); // before the worker can finish and count down
            if (mailbox == null && MAILBOX.compareAndSet(this, (Task) null, t)) {
                LockSupport.unpark(this);
                return true;
            }
            t.helpers.decrementAndGet();
            return false;
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime(); // polls this long after each part before parking
            while (true) {
                Task t = mailbox;
                if (t == null) {
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                    continue;
                }
                t.work();
                mailbox = null;
                t.helperDone();
                idleSince = System.nanoTime();
            }
        }
    }
}
