// GENERATED from src/main/java/org/vectorkernels/internal/panama/Species.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The one vector species of this JVM's kernels, a constant to C2 (a species that is not one is never intrinsified). */
final class Species {
    static final VectorSpecies<Double> F = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = F.length();

    private Species() {}
}
