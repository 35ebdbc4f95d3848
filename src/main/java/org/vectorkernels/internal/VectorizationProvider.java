package org.vectorkernels.internal;

import java.lang.System.Logger.Level;
import java.util.Locale;
import org.vectorkernels.internal.scalar.ScalarKernels;

/**
 * Picks the kernels once per JVM, as Lucene does: the Panama (Vector API) kernels when the
 * incubator module is readable on a HotSpot VM with vectors of at least 128 bits, else the
 * scalar ones. Logs one line saying which, and how to get the fast path when it falls back.
 * The Panama classes are loaded only after the checks pass.
 */
public final class VectorizationProvider {
    /** Set to {@code true} to force the scalar kernels (for comparisons and tests). */
    public static final String SCALAR_PROPERTY = "vectorkernels.scalar";
    static final String MODULE = "jdk.incubator.vector";
    private static final String PANAMA_CLASS = "org.vectorkernels.internal.panama.PanamaKernels";
    private static final System.Logger LOG = System.getLogger("org.vectorkernels");

    private VectorizationProvider() {}

    /** The kernels for this JVM, looked up and logged once. */
    public static Kernels kernels() {
        return Holder.KERNELS;
    }

    private static final class Holder {
        static final Kernels KERNELS = lookup();
    }

    private static Kernels lookup() {
        String reason = whyNot();
        if (reason == null) {
            try {
                Kernels panama = (Kernels) Class.forName(PANAMA_CLASS)
                        .getDeclaredConstructor().newInstance();
                LOG.log(Level.INFO, "vector-kernels: Java vector incubator API enabled; " + panama.description());
                return panama;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                reason = "the Vector API kernels failed to load: " + rootCause(e);
            }
        }
        LOG.log(Level.WARNING, "vector-kernels: using scalar kernels, " + reason);
        return new ScalarKernels(reason);
    }

    /** Why the Panama kernels cannot run here, or null when they can. */
    public static String whyNot() {
        if (Boolean.getBoolean(SCALAR_PROPERTY)) {
            return "forced by -D" + SCALAR_PROPERTY + "=true";
        }
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return "because the module " + MODULE + " is not readable; start the JVM with --add-modules " + MODULE
                    + " to enable the Vector API kernels";
        }
        String vm = System.getProperty("java.vm.name", "");
        if (!vm.toLowerCase(Locale.ROOT).contains("openjdk") && !vm.contains("HotSpot")) {
            return "because the Vector API is only fast on HotSpot's C2, and this VM is " + vm;
        }
        return null;
    }

    /** The innermost cause: what failed inside the reflective call and the class initializer. */
    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
