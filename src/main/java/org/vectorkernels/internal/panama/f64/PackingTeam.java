// GENERATED from src/main/java/org/vectorkernels/internal/panama/PackingTeam.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import org.vectorkernels.internal.threads.TeamBarrier;

/**
 * The parts of one split that pack an operand together: each member packs its share of the
 * micro-panels into one buffer that all of them then read, so it is packed once per call
 * instead of once per part. Row parts can share the blocks of B; column parts all of A. The
 * buffers are a workspace of the team's own, taken for the call and given back after it.
 */
final class PackingTeam {
    final TeamBarrier barrier = new TeamBarrier();
    int members = 1;
    /** All of op(A), packed, or null when each member packs its own. */
    double[] panelsA;
    /** The shared block of packed B, from its start on, or null when each member packs its own. */
    PanelsOfB panelsB;
    private Workspace shared;

    /** Prepares for a team of {@code members}; a size of 0 leaves that operand to each member. */
    void reset(Plan plan, int members, int sizeA, int sizeB) {
        this.members = members;
        if (shared == null) {
            shared = Workspace.take();
        }
        panelsA = sizeA > 0 ? shared.packedA(sizeA) : null;
        panelsB = sizeB > 0 ? shared.packedB(plan, sizeB) : null;
        barrier.reset(members);
    }

    /** Drops the buffer references and gives the workspace back once the call is over. */
    void clear() {
        panelsA = null;
        panelsB = null;
        if (shared != null) {
            Workspace.give(shared);
            shared = null;
        }
    }
}
