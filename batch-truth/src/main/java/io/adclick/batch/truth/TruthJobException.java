package io.adclick.batch.truth;

/** A truth job run failed; the run is recorded in {@code job_runs} with this error. */
public final class TruthJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TruthJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
