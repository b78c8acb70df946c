package io.adclick.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPrometheusText {
    private static final String SCRAPE =
            """
            # HELP adclick_pipeline_source_up Whether the source answers
            # TYPE adclick_pipeline_source_up gauge
            adclick_pipeline_source_up{source="pinot"} 1.0
            adclick_pipeline_source_up{source="trino"} 0.0
            adclick_reconciliation_alerts 3.0
            http_server_requests_seconds_bucket{le="+Inf"} +Inf
            """;

    @Test
    void findsASeriesAsTheExporterWritesIt() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.series("adclick_pipeline_source_up{source=\"trino\"}")).hasValue(0.0);
        assertThat(text.series("adclick_pipeline_source_up{source=\"pinot\"}")).hasValue(1.0);
        assertThat(text.series("adclick_reconciliation_alerts")).hasValue(3.0);
        assertThat(text.series("adclick_pipeline_source_up")).isEmpty();
    }

    @Test
    void findsASampleByNameAndLabel() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.value("adclick_pipeline_source_up", "trino")).hasValue(0.0);
        assertThat(text.sum(PrometheusText.nameContains("source_up"))).hasValue(1.0);
    }
}
