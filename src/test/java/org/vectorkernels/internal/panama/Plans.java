package org.vectorkernels.internal.panama;

import java.util.ArrayList;
import java.util.List;

import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.panama.kernels.FloatTileKernel;
import org.vectorkernels.internal.panama.kernels.FloatTileKernels;

/**
 * A plan for every generated tile, twice: A packed in rows with no edge or wide kernel, and A
 * packed interleaved with the one-vector edge kernel and (where one is generated) the wide
 * tile; with blocks small enough that the tests' sizes cross each of them. Each with B packed
 * on the heap and, where this JVM can (JDK 22 and later), off-heap: every kernel and its twin.
 */
final class Plans {
    private Plans() {}

    static List<Plan> everyTile() {
        List<Plan> plans = new ArrayList<>();
        for (FloatTileKernel k : FloatTileKernels.all()) {
            if (!k.layout().equals("rows") || k.panelVectors() != k.vectors()) {
                continue;
            }
            int mr = k.rows(), nv = k.vectors(), nr = nv * Species.LANES;
            boolean wide = FloatTileKernels.find(4, 2 * nv, nv, "rows").isPresent();
            add(plans, new Profile("test-" + mr + "x" + nv, mr, nv, 40, 3 * mr, 4 * nr, "test",
                    Profile.DEFAULT_SPLIT_MIN_VOLUME, false, false, false));
            add(plans, new Profile("test-" + mr + "x" + nv + "-interleaved", mr, nv, 72, 2 * mr, 6 * nr, "test",
                    Profile.DEFAULT_SPLIT_MIN_VOLUME, true, true, wide));
        }
        return plans;
    }

    /** The generated kernels that no plan of {@link #everyTile} runs: each one is a kernel no test reaches. */
    static List<FloatTileKernel> unusedKernels() {
        List<FloatTileKernel> unused = new ArrayList<>(FloatTileKernels.all());
        for (Plan plan : everyTile()) {
            unused.removeAll(java.util.Arrays.asList(plan.onPackedA, plan.onRowsOfA, plan.stepped, plan.narrow, plan.wide,
                    plan.wideOnRowsOfB));
        }
        return unused;
    }

    private static void add(List<Plan> plans, Profile p) {
        plans.add(Plan.of(p, false).orElseThrow(() -> new AssertionError("no plan for " + p)));
        if (PanelsOfB.offHeapAvailable()) {
            plans.add(Plan.of(p, true).orElseThrow());
        }
    }
}
