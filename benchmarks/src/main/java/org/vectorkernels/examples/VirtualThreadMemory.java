package org.vectorkernels.examples;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.vectorkernels.Gemm;

/**
 * What a server sees: N virtual threads (default 2,000) that each make one n³ sgemm call (default
 * 512) and then wait, as a request awaiting I/O would; prints the heap they retain while waiting.
 * Run it under a small heap:
 * {@code java -Xmx512m --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.vectorkernels.examples.VirtualThreadMemory 2000 512}
 */
public final class VirtualThreadMemory {
    private VirtualThreadMemory() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        SplittableRandom rnd = new SplittableRandom(1);
        float[] a = new float[n * n], b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
            b[i] = (float) rnd.nextDouble(-1, 1);
        }
        long before = usedAfterGc();
        CountDownLatch called = new CountDownLatch(threads), release = new CountDownLatch(1);
        AtomicInteger failed = new AtomicInteger();
        List<Thread> started = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofVirtual().start(() -> {
                try {
                    Gemm.sgemm(n, n, n, a, b, new float[n * n]);
                } catch (Throwable e) {
                    failed.incrementAndGet();
                    System.err.println(e);
                } finally {
                    called.countDown();
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        called.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long retained = usedAfterGc() - before;
        release.countDown();
        for (Thread t : started) {
            t.join();
        }
        System.out.printf("%d virtual threads, one %d³ sgemm each (%s), in %.1f s; %d calls failed; "
                        + "heap retained while they wait: %.1f MiB (max heap %d MiB)%n", threads, n, Gemm.implementation(),
                seconds, failed.get(), retained / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
