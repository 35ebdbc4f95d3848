package org.vectorkernels.internal.panama;

import org.vectorkernels.internal.TeamBarrier;

/**
 * The parts of one split that pack an operand together: each member packs its share of the
 * micro-panels into one buffer that all of them then read, so it is packed once per call
 * instead of once per part. Row parts can share the blocks of B; column parts all of A. The
 * buffers are the calling thread's workspace, which that thread does not otherwise use while
 * its team runs.
 */
final class PackingTeam {
    final TeamBarrier barrier = new TeamBarrier();
    int members = 1;
    /** All of op(A), packed, or null when each member packs its own. */
    float[] panelsA;
    /** The shared block of packed B, or null when each member packs its own. */
    float[] panelsB;

    /** Prepares for a team of {@code members}; a size of 0 leaves that operand to each member. */
    void reset(int members, int sizeA, int sizeB) {
        this.members = members;
        Workspace ws = Workspace.current();
        panelsA = sizeA > 0 ? ws.packedA(sizeA) : null;
        panelsB = sizeB > 0 ? ws.packedB(sizeB) : null;
        barrier.reset(members);
    }

    /** Drops the buffer references once the call is over. */
    void clear() {
        panelsA = panelsB = null;
    }
}
