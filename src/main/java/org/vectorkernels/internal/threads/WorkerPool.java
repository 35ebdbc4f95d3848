package org.vectorkernels.internal.threads;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.vectorkernels.internal.Recycler;
import org.vectorkernels.internal.WholeNumberProperty;

/**
 * Runs the parts of one call on the calling thread and on whichever of the library's worker
 * threads are idle. Each worker has a one-task mailbox: a caller hires idle workers by
 * compare-and-set, runs parts itself, and then waits only for the workers it hired, which are
 * already running its parts. So there is no queue to back up, no waiting on another caller, and
 * no deadlock when called from a ForkJoinPool task, a parallel stream or a virtual thread. Callers
 * share the thread count ({@link Seats}): the threads at work on calls are at most the count
 * while the callers alone are fewer; a caller that arrives while workers hold the seats waits for
 * one to be handed back, which a worker does after its part (no part waits on another call). Task
 * objects are recycled ({@link Recycler}), so steady-state calls allocate nothing. Idle workers and
 * waiting callers poll for a short while ({@link #SPIN_PROPERTY}) before they park, so calls in
 * quick succession do not pay for waking threads; a worker idle for {@link #KEEP_ALIVE_PROPERTY}
 * exits.
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

    /** The system property for {@link #KEEP_ALIVE_NANOS}, in milliseconds. */
    public static final String KEEP_ALIVE_PROPERTY = "vectorkernels.workerKeepAliveMillis";

    /**
     * How long an idle worker polls for its next part, and a caller for its helpers, before
     * parking: waking a parked thread took about 30 µs here, twice per call (5% of a 1 ms call).
     */
    static final long SPIN_NANOS = 1000 * WholeNumberProperty.read(SPIN_PROPERTY, "100", 0, 1_000_000, "microseconds");

    /** How long a worker stays idle before it exits; a later call starts workers again as needed. */
    static final long KEEP_ALIVE_NANOS = 1_000_000 * WholeNumberProperty.read(KEEP_ALIVE_PROPERTY, "60000", 0, 86_400_000, "milliseconds");

    private static final Recycler<Task> TASKS = new Recycler<>(Task::new);
    private static final Object LOCK = new Object();
    /** The live workers; a worker leaves this array when it exits. Guarded by LOCK for writes. */
    private static volatile Worker[] workers = new Worker[0];
    private static int started; // guarded by LOCK: numbers the workers' names

    private WorkerPool() {}

    /** Runs {@code body} for parts [0, parts) on up to {@link Threads#count()} threads, then returns. */
    public static void run(Parts body, int parts) {
        seated(body, parts, parts, false);
    }

    /**
     * Runs {@code body} as a team of the calling thread and the workers that are idle now, at
     * most {@code maxMembers} in all: part p of {@code members(count)} runs on its own thread, all
     * at once. With no idle worker the team is the caller alone.
     */
    public static void runTeam(Team body, int maxMembers) {
        seated(body, 0, maxMembers, true);
    }

    /**
     * A call on the caller's seat and the workers it can hire, at most {@code maxThreads} threads in
     * all; alone when it hires none. A part that calls again runs alone on its worker, whose seat is
     * counted already.
     */
    private static void seated(Parts body, int parts, int maxThreads, boolean team) {
        if (Thread.currentThread() instanceof Worker) {
            alone(body, parts, team);
            return;
        }
        Seats.enterCaller();
        try {
            int helpers = Seats.reserveWorkers(Math.min(maxThreads, Threads.count()) - 1);
            if (helpers <= 0) {
                alone(body, parts, team);
            } else {
                call(body, parts, helpers, team);
            }
        } finally {
            Seats.leaveCaller();
        }
    }

    private static void alone(Parts body, int parts, boolean team) {
        if (team) {
            ((Team) body).members(1);
            body.run(0);
            return;
        }
        for (int p = 0; p < parts; p++) {
            body.run(p);
        }
    }

    /**
     * The threads at work on calls now: each caller inside a call that may split (small products
     * never enter the pool) and each worker it hired. At most {@link Threads#shared()} while the
     * callers alone are fewer; otherwise the callers, with no worker.
     */
    public static int busyThreads() {
        return Seats.busy();
    }

    /**
     * One call on the caller and hired workers. Whatever fails, before or in any part, the call
     * returns (or throws the first failure) only once every hired worker has let go of it, so no
     * part writes anything after the caller has returned. A failure before the parts open (a
     * worker that could not start, a team that could not set up) lets the hired workers go
     * without running any part.
     */
    private static void call(Parts body, int parts, int helpers, boolean team) {
        Task t = TASKS.take();
        t.start(body, team);
        int hired = 0;
        try {
            hired = hire(t, helpers); // hired workers wait until the task opens
        } catch (Throwable e) {
            t.fail(e);
        } finally {
            Seats.releaseWorkers(helpers - hired); // the seats no worker took
        }
        try {
            if (team && t.failure.get() == null) {
                parts = 1 + hired;
                ((Team) body).members(parts);
            }
        } catch (Throwable e) {
            t.fail(e);
        }
        t.open(t.failure.get() == null ? parts : 0);
        t.work(false);
        t.awaitHelpers();
        Throwable f = t.finish();
        TASKS.give(t);
        if (f instanceof RuntimeException r) {
            throw r;
        } else if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** Offers the task to idle workers until {@code count} took it or none is left; returns how many did. */
    private static int hire(Task t, int count) {
        Worker[] pool = workers(count);
        int hired = 0;
        for (int i = 0; i < pool.length && hired < count; i++) {
            hired += pool[i].offer(t) ? 1 : 0;
        }
        return hired;
    }

    /** The workers, at least {@code count} of them; only started ones are ever published, so every offer taken runs. */
    private static Worker[] workers(int count) {
        Worker[] w = workers;
        if (w.length >= count) {
            return w;
        }
        synchronized (LOCK) {
            w = workers;
            while (w.length < count) {
                Worker fresh = new Worker(++started);
                fresh.start(); // may fail (no more native threads): the call then fails as a whole, see call
                w = java.util.Arrays.copyOf(w, w.length + 1);
                w[w.length - 1] = fresh;
                workers = w;
            }
        }
        return w;
    }

    /** Asks the workers beyond the first {@code keep} to exit; each does once it is idle. */
    public static void retireBeyond(int keep) {
        synchronized (LOCK) {
            Worker[] w = workers;
            if (w.length <= keep) {
                return;
            }
            for (int i = Math.max(0, keep); i < w.length; i++) {
                w[i].retire();
            }
            workers = java.util.Arrays.copyOf(w, Math.max(0, keep));
        }
    }

    /**
     * Asks every worker to exit and waits until they have (each finishes the part it is running).
     * Calls made later start workers again as needed. An interrupt stops the wait, and stays set.
     */
    public static void shutdown() {
        Worker[] w;
        synchronized (LOCK) {
            w = workers;
            retireBeyond(0);
        }
        for (Worker worker : w) {
            if (worker == Thread.currentThread()) {
                continue; // called from a part: this worker exits once the part is done
            }
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether a call made now would find an idle worker awake (polling, see {@link #SPIN_NANOS}),
     * so that handing it a part costs no wake-up; true too while fewer workers than helpers exist
     * (a call starts them). When none is awake, wakes one to poll for a while, off the caller's path,
     * so that a call that follows soon finds it awake.
     */
    public static boolean workerAwake(int helpers) {
        Worker[] w = workers;
        if (w.length < helpers) {
            return true;
        }
        for (Worker worker : w) {
            if (worker.mailbox == null && !worker.parked) {
                return true;
            }
        }
        for (Worker worker : w) {
            if (worker.mailbox == null) {
                worker.rouse();
                break;
            }
        }
        return false;
    }

    /** The live workers now, for tests and diagnostics. */
    public static int liveWorkers() {
        return workers.length;
    }

    private static void remove(Worker gone) {
        synchronized (LOCK) {
            Worker[] w = workers;
            for (int i = 0; i < w.length; i++) {
                if (w[i] == gone) {
                    Worker[] less = new Worker[w.length - 1];
                    System.arraycopy(w, 0, less, 0, i);
                    System.arraycopy(w, i + 1, less, i, w.length - i - 1);
                    workers = less;
                    return;
                }
            }
        }
    }

    /** One call, recycled for a later call once every hired worker has let go of it. */
    private static final class Task {
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger helpers = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Parts body;
        private int parts;
        private Thread caller;
        private boolean team;
        private volatile boolean open;

        void start(Parts body, boolean team) {
            this.body = body;
            this.team = team;
            this.caller = Thread.currentThread();
            failure.set(null);
            helpers.set(0);
            open = false;
        }

        /** Lets parts be claimed: the volatile write publishes the fields set before it. */
        void open(int parts) {
            this.parts = parts;
            next.set(0);
            open = true;
        }

        void fail(Throwable e) {
            failure.compareAndSet(null, e); // the first failure is the one reported
        }

        /**
         * Claims and runs parts until none are left. A hired worker ({@code hired}) stops claiming
         * when more threads are at work than the count, leaving the rest to the caller; a team's
         * members must all run their parts.
         */
        void work(boolean hired) {
            while (!open) {
                Thread.onSpinWait(); // a team's caller is counting its hires: microseconds
            }
            boolean mayLeave = hired && !team;
            for (int p; !(mayLeave && Seats.overbooked()) && (p = next.getAndIncrement()) < parts; ) {
                try {
                    body.run(p);
                } catch (Throwable e) {
                    fail(e);
                }
            }
        }

        /** Waits for every hired worker; an interrupt does not end the wait (the workers are writing C), and stays set. */
        void awaitHelpers() {
            long spinStart = System.nanoTime();
            while (helpers.get() > 0 && System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            boolean interrupted = false;
            while (helpers.get() > 0) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // else park returns at once, and this loop spins
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The failure, if any; drops the references of the call. */
        Throwable finish() {
            body = null;
            caller = null;
            return failure.getAndSet(null);
        }

        void helperDone() {
            Thread c = caller;
            if (helpers.decrementAndGet() == 0) {
                LockSupport.unpark(c);
            }
        }
    }

    /**
     * A worker: a daemon platform thread in the top thread group, with no context class loader and
     * no inheritable thread-locals of the thread that happened to start it, so that it pins none
     * of a caller's context (an application server's class loader, say).
     */
    private static final class Worker extends Thread {
        private static final VarHandle MAILBOX;
        /** In a worker's mailbox once it has exited or is exiting: offers fail. */
        private static final Task RETIRED = new Task();

        static {
            try {
                MAILBOX = MethodHandles.lookup().findVarHandle(Worker.class, "mailbox", Task.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // through MAILBOX
        private volatile Task mailbox;
        private volatile boolean retiring;
        /** Whether it is parked (or about to park) rather than polling its mailbox. */
        private volatile boolean parked;
        /** Set by {@link #rouse}: poll again for SPIN_NANOS before parking. */
        private volatile boolean roused;

        Worker(int index) {
            super(topGroup(), null, "vector-kernels-worker-" + index, 0, false);
            setDaemon(true);
            setPriority(NORM_PRIORITY);
            setContextClassLoader(null);
        }

        private static ThreadGroup topGroup() {
            ThreadGroup g = Thread.currentThread().getThreadGroup();
            while (g.getParent() != null) {
                g = g.getParent();
            }
            return g;
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

        /** Wakes this idle worker to poll its mailbox for a while. */
        void rouse() {
            roused = true;
            LockSupport.unpark(this);
        }

        /** Asks this worker to exit once it is idle. */
        void retire() {
            retiring = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            try {
                long idleSince = System.nanoTime(); // polls this long after each part before parking
                while (true) {
                    Task t = mailbox;
                    if (t == null) {
                        long idle = System.nanoTime() - idleSince;
                        // An interrupt asks a library thread to stop: it exits, rather than spin on a park that returns at once.
                        boolean leave = retiring || Thread.interrupted() || idle >= KEEP_ALIVE_NANOS;
                        if (leave && MAILBOX.compareAndSet(this, (Task) null, RETIRED)) {
                            return;
                        } else if (leave) {
                            retiring = true; // hired meanwhile: run that part, then leave
                        } else if (idle < SPIN_NANOS && !Seats.full()) {
                            Thread.onSpinWait(); // no polling while the seats are taken: no call could hire it
                        } else {
                            parked = true;
                            if (mailbox == null && !roused) {
                                LockSupport.parkNanos(this, KEEP_ALIVE_NANOS - idle);
                            }
                            parked = false;
                            if (roused) {
                                roused = false;
                                idleSince = System.nanoTime(); // poll again: a call is likely soon
                            }
                        }
                        continue;
                    }
                    t.work(true);
                    Seats.releaseWorkers(1); // the seat its caller took for it
                    mailbox = null;
                    t.helperDone();
                    idleSince = System.nanoTime();
                }
            } finally {
                remove(this);
            }
        }
    }
}
