package org.vectorkernels.consumer;

import java.util.SplittableRandom;

import org.vectorkernels.Gemm;
import org.vectorkernels.nn.Affine;
import org.vectorkernels.nn.Initializer;
import org.vectorkernels.nn.Tensor;

/**
 * What a user does first: an sgemm, an Affine forward, and {@code Gemm.implementation()}, each
 * checked against plain double-precision loops. Arguments: the kernels expected ("panama" or
 * "scalar") and where the library should be ("module" or "classpath"). Exits 1 on any mismatch.
 */
public final class Main {
    public static void main(String[] args) {
        String kernels = args[0], place = args[1];
        String implementation = Gemm.implementation();
        boolean named = Gemm.class.getModule().isNamed();
        SplittableRandom rnd = new SplittableRandom(1);
        int m = 37, k = 41, n = 29;
        float[] a = random(rnd, m * k), b = random(rnd, k * n), c = new float[m * n];
        Gemm.sgemm(m, n, k, a, b, c);
        double sgemmError = maxError(a, b, null, c, m, n, k);
        Affine fc = Affine.builder(k, n).biasInitializer(Initializer.constant(0.5f)).seed(2).build();
        float[] y = fc.forward(Tensor.of(a, m, k)).data();
        double affineError = maxError(a, fc.weight().data(), fc.bias().data(), y, m, n, k);
        System.out.printf("consumer (%s, %s): %s; sgemm max error %.2e, Affine max error %.2e%n",
                place, named ? "library in module " + Gemm.class.getModule().getName() : "library on the class path",
                implementation, sgemmError, affineError);
        boolean ok = implementation.startsWith(kernels) && named == place.equals("module")
                && sgemmError < 1e-4 && affineError < 1e-4;
        if (!ok) {
            System.out.println("consumer: FAILED, expected " + kernels + " kernels with the library on the " + place);
            System.exit(1);
        }
    }

    /** The largest |got − (A·B + bias)| over C, the reference in double. */
    private static double maxError(float[] a, float[] b, float[] bias, float[] got, int m, int n, int k) {
        double worst = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = bias == null ? 0 : bias[j];
                for (int p = 0; p < k; p++) {
                    exact += (double) a[i * k + p] * b[p * n + j];
                }
                worst = Math.max(worst, Math.abs(got[i * n + j] - exact));
            }
        }
        return worst;
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }
}
