/**
 * vector-kernels: SIMD compute kernels on the JDK Vector API.
 *
 * <p>The incubator module is optional ({@code requires static}): without
 * {@code --add-modules jdk.incubator.vector} the library runs its scalar kernels.
 */
module org.vectorkernels {
    requires static jdk.incubator.vector;

    exports org.vectorkernels;
    exports org.vectorkernels.reference;
    exports org.vectorkernels.nn;
    exports org.vectorkernels.data;
}
