package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.floats;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Memory follows the calls running, not the threads that ever called: 2,000 virtual threads that
 * each make a call whose packed B takes 1 MiB and then wait (a request awaiting I/O) keep next to
 * nothing; a platform thread's calls allocate nothing once warm. The small-heap configuration
 * (pom.xml) runs it at 512³ under -Xmx1g, where thread-local buffers would need 3 GiB. Memory
 * counts the heap and the direct memory, where packed B lies off-heap (JDK 22 and later).
 */
class RetainedMemoryTest {
    private static final int K = 512, N = 512; // packed B: N·K floats = 1 MiB per call, as at 512³
    /** Rows of A: 16 by default, for speed; 512 with -Dvectorkernels.test.retainedRows=512. */
    private static final int M = Integer.getInteger("vectorkernels.test.retainedRows", 16);

    @Test
    void waitingVirtualThreadsRetainNoPackingBuffers() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        float[] a = floats(rnd, M * K), b = floats(rnd, K * N);
        float[] expected = new float[M * N];
        Gemm.sgemm(M, N, K, a, b, expected);
        long before = usedAfterGc();
        int threads = 2000;
        CountDownLatch called = new CountDownLatch(threads), release = new CountDownLatch(1);
        AtomicInteger wrong = new AtomicInteger();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofVirtual().start(() -> {
                try {
                    if (!callIsRight(a, b, expected)) {
                        wrong.incrementAndGet();
                    }
                } catch (Throwable e) { // an OutOfMemoryError fails the test instead of leaving it waiting forever
                    wrong.incrementAndGet();
                } finally {
                    called.countDown();
                }
                try {
                    release.await(); // the thread lives on, as a request awaiting I/O would
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        called.await();
        long retained = usedAfterGc() - before;
        release.countDown();
        for (Thread t : started) {
            t.join();
        }
        assertEquals(0, wrong.get());
        System.out.printf("RetainedMemoryTest: %d waiting virtual threads retain %.1f MiB%n", threads, retained / 1048576.0);
        // A thread-local workspace kept 1 MiB per thread here: 2 GiB.
        assertTrue(retained < 64L << 20, threads + " waiting virtual threads retain " + (retained >> 20) + " MiB");
    }

    /** One call into a C of its own, which is garbage once this returns: the test measures the library, not C. */
    private static boolean callIsRight(float[] a, float[] b, float[] expected) {
        float[] c = new float[M * N];
        Gemm.sgemm(M, N, K, a, b, c);
        return java.util.Arrays.equals(c, expected);
    }

    @Test
    void callsOnAPlatformThreadAllocateNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SplittableRandom rnd = new SplittableRandom(6);
        float[] a = floats(rnd, M * K), b = floats(rnd, K * N), c = new float[M * N];
        for (int i = 0; i < 200; i++) {
            Gemm.sgemm(M, N, K, a, b, c);
        }
        long id = Thread.currentThread().threadId(), before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100; i++) {
            Gemm.sgemm(M, N, K, a, b, c);
        }
        long perCall = (mx.getThreadAllocatedBytes(id) - before) / 100;
        assertTrue(perCall < 256, "a warm call allocated " + perCall + " bytes");
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            long direct = 0;
            for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
                direct += pool.getName().equals("direct") ? pool.getMemoryUsed() : 0;
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + direct);
        }
        return used;
    }
}
