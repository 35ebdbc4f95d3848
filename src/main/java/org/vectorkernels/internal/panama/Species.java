package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The one vector species of this JVM's kernels, a constant to C2 (a species that is not one is never intrinsified). */
final class Species {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int LANES = F.length();

    private Species() {}
}
