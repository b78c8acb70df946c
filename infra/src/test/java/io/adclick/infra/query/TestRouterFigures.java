package io.adclick.infra.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.launcher.PrometheusText;
import org.junit.jupiter.api.Test;

class TestRouterFigures {
    @Test
    void summarisesTruthReconciliationAndEstimatesOnOneLine() {
        PrometheusText metrics = PrometheusText.parse(
                """
                adclick_truth_complete_through_seconds 1.7956728E9
                adclick_truth_lag_seconds 4212.4
                adclick_reconciliation_newest_hour_seconds 1.7956692E9
                adclick_reconciliation_alerts 2.0
                adclick_estimates_newest_minute_age_seconds 35.2
                """);

        assertThat(new RouterFigures(metrics).describe())
                .isEqualTo("truth complete through 2026-11-26T06:00:00Z (lag 4,212 s); reconciled through"
                        + " 2026-11-26T05:00:00Z, 2 alerts (window); estimates newest minute 35 s ago");
    }

    @Test
    void aFigureTheRouterHasNotYetReadsNotAvailable() {
        PrometheusText metrics = PrometheusText.parse("adclick_truth_complete_through_seconds NaN\n");

        assertThat(new RouterFigures(metrics).describe())
                .isEqualTo("truth complete through n/a (lag n/a s); reconciled through n/a, n/a alerts (window);"
                        + " estimates newest minute n/a s ago");
    }
}
