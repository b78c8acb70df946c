package io.adclick.router.report;

import java.time.Instant;
import java.util.Optional;

/**
 * A store that answers a report query on its own: billing truth ({@value #TRUTH}, Trino over
 * Iceberg) or the stream estimates ({@value #ESTIMATES}, Pinot). Each implementation is a bean
 * named by its {@code source}; {@link PinotAndTruthEstimates} joins the two for dashboard mode.
 */
public interface ReportSource {
    /** The {@code source} of billing truth, and the name of its bean. */
    String TRUTH = "trino";

    /** The {@code source} of the stream estimates, and the name of its bean. */
    String ESTIMATES = "pinot";

    /** The answer of {@code query} (validated and scoped), read wholly from this source. */
    ReportAnswer report(ReportQuery query);

    /**
     * How far this source's answers are final (billing truth's {@code complete_through}); empty
     * before anything is, and always for a source whose answers never are (the estimates).
     */
    default Optional<Instant> completeThrough() {
        return Optional.empty();
    }
}
