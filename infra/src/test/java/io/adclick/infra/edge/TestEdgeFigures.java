package io.adclick.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.launcher.PrometheusText;
import org.junit.jupiter.api.Test;

class TestEdgeFigures {
    private static final String METRICS =
            """
            # HELP adclick_edge_events_accepted_total Events acknowledged to clients, by type
            # TYPE adclick_edge_events_accepted_total counter
            adclick_edge_events_accepted_total{type="click"} 120.0
            adclick_edge_events_accepted_total{type="impression"} 880.0
            adclick_edge_events_accepted_total{type="conversion"} 0.0
            # TYPE adclick_edge_spool_depth_records gauge
            adclick_edge_spool_depth_records 17.0
            adclick_edge_spool_depth_bytes 4096.0
            adclick_edge_spool_drained_records_total 5.0
            adclick_edge_spooling 1.0
            http_server_requests_seconds_count{method="GET",status="302",uri="/c/{token}"} 120.0
            jvm_threads_live_threads 31.0
            """;

    @Test
    void readsAcceptedEventsAndSpoolDepth() {
        EdgeFigures figures = EdgeFigures.of(PrometheusText.parse(METRICS));

        assertThat(figures.accepted()).hasValue(1000.0);
        assertThat(figures.spoolDepth()).hasValue(17.0);
        assertThat(figures.describe()).isEqualTo("accepted 1000, spool depth 17");
    }

    @Test
    void saysSoWhenTheMetricsAreMissing() {
        EdgeFigures figures = EdgeFigures.of(PrometheusText.parse("jvm_threads_live_threads 31.0\n"));

        assertThat(figures.describe()).isEqualTo("accepted n/a, spool depth n/a");
    }

    @Test
    void parsesLabelsAndSkipsComments() {
        PrometheusText text = PrometheusText.parse(METRICS);

        assertThat(text.samples()).hasSize(9);
        assertThat(text.samples().get(0))
                .isEqualTo(new PrometheusText.Sample("adclick_edge_events_accepted_total", "type=\"click\"", 120.0));
    }
}
