package org.vectorkernels.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Objects that one call uses and gives back: packing buffers, a split's operands, a call's task.
 * A bounded set of slots, taken and filled by compare-and-set, so memory follows the calls running
 * now, not the threads that ever called (a ThreadLocal would keep one per thread, and virtual
 * threads come by the thousand). A call that finds every slot empty makes a new object; one given
 * back when every slot is full is dropped. In steady state nothing is allocated.
 */
public final class Recycler<T> {
    /** The system property for {@link #SLOTS}. */
    public static final String SLOTS_PROPERTY = "vectorkernels.recycledPerKind";

    /**
     * How many idle objects of each kind are kept: one per processor, plus two (a call split over
     * every processor uses one workspace per thread, and a team one more for what it shares).
     */
    public static final int SLOTS = slots(System.getProperty(SLOTS_PROPERTY));

    private final AtomicReferenceArray<T> slots;
    private final Supplier<T> factory;

    public Recycler(Supplier<T> factory) {
        this(SLOTS, factory);
    }

    Recycler(int slots, Supplier<T> factory) {
        this.slots = new AtomicReferenceArray<>(slots);
        this.factory = factory;
    }

    /** An idle object if one is kept, else a new one. */
    public T take() {
        int n = slots.length(), start = start(n);
        for (int i = 0; i < n; i++) {
            int s = (start + i) % n;
            T t = slots.get(s);
            if (t != null && slots.compareAndSet(s, t, null)) {
                return t;
            }
        }
        return factory.get();
    }

    /** Keeps {@code t} for a later call, unless every slot is full. */
    public void give(T t) {
        int n = slots.length(), start = start(n);
        for (int i = 0; i < n; i++) {
            int s = (start + i) % n;
            if (slots.get(s) == null && slots.compareAndSet(s, null, t)) {
                return;
            }
        }
    }

    /** Threads start at different slots, so concurrent callers rarely contend for one. */
    private static int start(int n) {
        return (int) (Thread.currentThread().threadId() % n);
    }

    static int slots(String v) {
        return v == null ? Runtime.getRuntime().availableProcessors() + 2
                : (int) WholeNumberProperty.parse(SLOTS_PROPERTY, v, 1, 4096, "objects");
    }
}
