package io.adclick.router.report;

/**
 * Where dashboard-mode reports come from. The truth-only implementation answers from billing
 * truth; a stream-estimates source (Pinot for recent ranges, merged with truth for older ones)
 * replaces it by being a bean of this type marked {@code @Replaces(TruthOnlyEstimates.class)}.
 */
public interface EstimateSource {
    /** The dashboard answer of a validated, scoped query. */
    ReportAnswer dashboard(ReportQuery query);
}
