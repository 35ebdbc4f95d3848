package org.vectorkernels.bench;

/** An SGEMM shape, written "n" for n×n×n or "MxKxN" for C(M×N) = A(M×K)·B(K×N). */
record Shape(int m, int k, int n) {
    static Shape parse(String s) {
        String[] p = s.split("x");
        if (p.length == 1) {
            int d = Integer.parseInt(p[0]);
            return new Shape(d, d, d);
        }
        return new Shape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    double flops() {
        return 2.0 * m * n * k;
    }
}
