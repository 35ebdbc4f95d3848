package org.vectorkernels.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bytedeco.openblas.global.openblas;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vectorkernels.Epilogue;
import org.vectorkernels.Gemm;
import org.vectorkernels.Reductions;
import org.vectorkernels.nn.Affine;
import org.vectorkernels.nn.Tensor;
import org.vectorkernels.reference.NaiveGemm;

/**
 * The Affine layer's passes, one thread, per (batch × in → out) shape: forward Y = X·W + b,
 * backward (dX = dY·Wᵀ, dW = Xᵀ·dY, db = Σ_rows dY) and the two together ("step"), each as
 * vector-kernels fused (the layer), vector-kernels unfused (bare calls plus Java loops for bias
 * and sums), the naive composition (NaiveGemm and loops, as the seeds' numpy code does it one by
 * one), EJML composed the same way and OpenBLAS composed the same way (direct buffers, one thread;
 * run with OPENBLAS_CORETYPE=SkylakeX for its AVX-512 kernels). forwardBare and dWOnly are the
 * bare GEMMs the fused passes are compared with. FLOPs: 2·N·in·out per GEMM. forwardFused and
 * backwardFused also report their JVM's FMA peak ({@link PeakProbe}) for the perf gate.
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar AffineBenchmark -p shape=256x784x512}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-Dvectorkernels.threads=1"})
public class AffineBenchmark {
    /** batch × in × out. */
    @Param({"256x784x512", "64x4096x4096", "1x4096x4096", "8192x32x32"})
    public String shape;

    int n, in, out;
    float[] x, w, b, y, dy, dx, dw, db;
    Affine layer;
    Tensor xt, dyt, yt, dxt;
    Epilogue bias;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        n = Integer.parseInt(p[0]);
        in = Integer.parseInt(p[1]);
        out = Integer.parseInt(p[2]);
        SplittableRandom rnd = new SplittableRandom(7);
        x = Matrices.random(rnd, n * in);
        w = Matrices.random(rnd, in * out);
        b = Matrices.random(rnd, out);
        dy = Matrices.random(rnd, n * out);
        y = new float[n * out];
        dx = new float[n * in];
        dw = new float[in * out];
        db = new float[out];
        layer = new Affine(Tensor.of(w, in, out), Tensor.of(b, out));
        xt = Tensor.of(x, n, in);
        dyt = Tensor.of(dy, n, out);
        yt = Tensor.zeros(n, out);
        dxt = Tensor.zeros(n, in);
        bias = Epilogue.bias(b);
        layer.forward(xt); // keeps X, so that backwardFused times the backward pass alone
    }

    // ---- vector-kernels, fused: the layer itself, into reused output tensors

    @Benchmark
    public Tensor forwardFused(PeakProbe peak) {
        return layer.forward(xt, yt);
    }

    @Benchmark
    public Tensor backwardFused(PeakProbe peak) {
        return layer.backward(dyt, dxt);
    }

    @Benchmark
    public Tensor stepFused() {
        layer.forward(xt, yt);
        return layer.backward(dyt, dxt);
    }

    /** The layer's allocating forward and backward: what a new array per call costs. */
    @Benchmark
    public Tensor stepFusedAllocating() {
        layer.forward(xt);
        return layer.backward(dyt);
    }

    /** The fused forward GEMM without the layer around it: compare with forwardBare. */
    @Benchmark
    public float[] forwardGemmWithBias() {
        Gemm.sgemm(false, false, n, out, in, 1f, x, 0, in, w, 0, out, 0f, y, 0, out, bias);
        return y;
    }

    @Benchmark
    public float[] forwardBare() {
        Gemm.sgemm(false, false, n, out, in, 1f, x, 0, in, w, 0, out, 0f, y, 0, out);
        return y;
    }

    /** dW and db from one pass over dY: compare with dWOnly. */
    @Benchmark
    public float[] dWAndDbFused() {
        Gemm.sgemmWithColumnSums(true, false, in, out, n, 1f, x, 0, in, dy, 0, out, 0f, dw, 0, out, db, 0, false);
        return dw;
    }

    @Benchmark
    public float[] dWOnly() {
        Gemm.sgemm(true, false, in, out, n, 1f, x, 0, in, dy, 0, out, 0f, dw, 0, out);
        return dw;
    }

    // ---- vector-kernels, unfused: bare calls plus separate passes

    @Benchmark
    public float[] forwardUnfused() {
        Gemm.sgemm(false, false, n, out, in, 1f, x, 0, in, w, 0, out, 0f, y, 0, out);
        addBias(y, b, n, out);
        return y;
    }

    @Benchmark
    public float[] backwardUnfused() {
        Gemm.sgemm(false, true, n, in, out, 1f, dy, 0, out, w, 0, out, 0f, dx, 0, in);
        Gemm.sgemm(true, false, in, out, n, 1f, x, 0, in, dy, 0, out, 0f, dw, 0, out);
        Reductions.sumRows(n, out, dy, 0, out, db, 0, false);
        return dx;
    }

    // ---- naive composition

    @Benchmark
    public float[] forwardNaive() {
        NaiveGemm.sgemm(n, out, in, x, w, y);
        addBias(y, b, n, out);
        return y;
    }

    @Benchmark
    public float[] backwardNaive() {
        NaiveGemm.sgemm(false, true, n, in, out, 1f, dy, 0, out, w, 0, out, 0f, dx, 0, in);
        NaiveGemm.sgemm(true, false, in, out, n, 1f, x, 0, in, dy, 0, out, 0f, dw, 0, out);
        sumRowsLoop(dy, db, n, out);
        return dx;
    }

    @Benchmark
    public float[] stepNaive() {
        forwardNaive();
        return backwardNaive();
    }

    static void addBias(float[] y, float[] b, int n, int out) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                y[i * out + j] += b[j];
            }
        }
    }

    static void sumRowsLoop(float[] dy, float[] db, int n, int out) {
        java.util.Arrays.fill(db, 0f);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                db[j] += dy[i * out + j];
            }
        }
    }

    // ---- EJML composed

    @State(Scope.Thread)
    public static class Ejml {
        FMatrixRMaj x, w, y, dy, dx, dw;

        @Setup
        public void setUp(AffineBenchmark s) {
            x = FMatrixRMaj.wrap(s.n, s.in, s.x);
            w = FMatrixRMaj.wrap(s.in, s.out, s.w);
            y = FMatrixRMaj.wrap(s.n, s.out, s.y);
            dy = FMatrixRMaj.wrap(s.n, s.out, s.dy);
            dx = FMatrixRMaj.wrap(s.n, s.in, s.dx);
            dw = FMatrixRMaj.wrap(s.in, s.out, s.dw);
        }
    }

    @Benchmark
    public float[] forwardEjml(Ejml e) {
        CommonOps_FDRM.mult(e.x, e.w, e.y);
        addBias(y, b, n, out);
        return y;
    }

    @Benchmark
    public float[] backwardEjml(Ejml e) {
        CommonOps_FDRM.multTransB(e.dy, e.w, e.dx);
        CommonOps_FDRM.multTransA(e.x, e.dy, e.dw);
        sumRowsLoop(dy, db, n, out);
        return dx;
    }

    @Benchmark
    public float[] stepEjml(Ejml e) {
        forwardEjml(e);
        return backwardEjml(e);
    }

    // ---- OpenBLAS composed, on direct buffers so that Java loops can do bias and sums

    @State(Scope.Thread)
    public static class Native {
        FloatBuffer x, w, y, dy, dx, dw;

        @Setup
        public void setUp(AffineBenchmark s) {
            openblas.blas_set_num_threads(1);
            x = direct(s.x);
            w = direct(s.w);
            y = direct(s.y);
            dy = direct(s.dy);
            dx = direct(s.dx);
            dw = direct(s.dw);
        }

        static FloatBuffer direct(float[] v) {
            FloatBuffer f = ByteBuffer.allocateDirect(v.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            f.put(v).flip();
            return f;
        }
    }

    @Benchmark
    public FloatBuffer forwardOpenBlas(Native o) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                n, out, in, 1f, o.x, in, o.w, out, 0f, o.y, out);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                o.y.put(i * out + j, o.y.get(i * out + j) + b[j]);
            }
        }
        return o.y;
    }

    @Benchmark
    public FloatBuffer backwardOpenBlas(Native o) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans,
                n, in, out, 1f, o.dy, out, o.w, out, 0f, o.dx, in);
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans,
                in, out, n, 1f, o.x, in, o.dy, out, 0f, o.dw, out);
        java.util.Arrays.fill(db, 0f);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                db[j] += o.dy.get(i * out + j);
            }
        }
        return o.dx;
    }

    @Benchmark
    public FloatBuffer stepOpenBlas(Native o) {
        forwardOpenBlas(o);
        return backwardOpenBlas(o);
    }
}
