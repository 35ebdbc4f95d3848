package org.vectorkernels.bench.gate;

/** A reason the gate cannot judge, with the exit status that names it (see {@link PerfGate}). */
final class GateException extends RuntimeException {
    static final int REGRESSION = 1, USAGE = 2, NO_BASE = 3, BASE_BUILD = 4, CANDIDATE_BROKEN = 5;

    final int status;

    GateException(int status, String message) {
        super(message);
        this.status = status;
    }

    static GateException usage(String message) {
        return new GateException(USAGE, message);
    }
}
