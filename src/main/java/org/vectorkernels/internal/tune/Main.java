package org.vectorkernels.internal.tune;

import java.util.Arrays;
import java.util.List;

import org.vectorkernels.internal.VectorizationProvider;

/**
 * The library jar's own commands ({@code Main-Class}):
 * <pre>
 * java --add-modules jdk.incubator.vector -jar vector-kernels-VERSION.jar tune [--budget 120s] [--shapes ...] [--precision float|double] [--dry-run]
 * java --add-modules jdk.incubator.vector -jar vector-kernels-VERSION.jar info
 * </pre>
 */
public final class Main {
    private static final String USAGE = "usage: java --add-modules jdk.incubator.vector -jar vector-kernels.jar "
            + TuneCommand.USAGE + "\n       java --add-modules jdk.incubator.vector -jar vector-kernels.jar info";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "info" -> {
                System.out.println(VectorizationProvider.kernels().description());
                return 0;
            }
            case "tune" -> {
                String why = VectorizationProvider.whyNot();
                if (why != null) {
                    System.err.println("tune: the Vector API kernels cannot run here, " + why);
                    return 1;
                }
                return TuneCommand.run(rest, System.out, System.err);
            }
            default -> {
                System.err.println("unknown command " + args[0] + "\n" + USAGE);
                return 2;
            }
        }
    }
}
