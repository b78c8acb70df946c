package io.adclick.router.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Singleton;

/** Dashboard mode before the stream estimates are wired in: the billing truth, {@code source: trino}. */
@Singleton
public class TruthOnlyEstimates implements EstimateSource {
    private final TruthReports truth;

    public TruthOnlyEstimates(TruthReports truth) {
        this.truth = requireNonNull(truth, "truth is null");
    }

    @Override
    public ReportAnswer dashboard(ReportQuery query) {
        return truth.report(query);
    }
}
