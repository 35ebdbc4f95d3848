package org.vectorkernels.internal.panama;

import org.vectorkernels.internal.TeamBarrier;

/**
 * One packed kc×nc block of B filled by all the members of a team and read by all of them: each
 * member packs its share of the micro-panels, so B is packed once per call instead of once per
 * row part. The buffer is the calling thread's workspace, which that thread does not otherwise
 * use while its team runs.
 */
final class SharedPackedB {
    final TeamBarrier barrier = new TeamBarrier();
    int members = 1;
    float[] panels;

    /** Prepares the block for a team of {@code members} and blocks of up to {@code size} floats. */
    void reset(int members, int size) {
        this.members = members;
        panels = Workspace.current().packedB(size);
        barrier.reset(members);
    }

    /** Drops the buffer reference once the call is over. */
    void clear() {
        panels = null;
    }
}
