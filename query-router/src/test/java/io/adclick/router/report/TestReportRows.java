package io.adclick.router.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.router.report.ReportRows.Key;
import io.adclick.router.report.ReportRows.Measures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestReportRows {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2026-11-01T10:00:00Z").toEpochMilli();

    @Test
    void minutesSumIntoTheirHourPerGroup() {
        Map<Key, Measures> fine = Map.of(
                new Key(T0 + 60_000, List.of("c2")), new Measures(10, 2, 1, 500, 3),
                new Key(T0 + 59 * 60_000, List.of("c2")), new Measures(5, 1, 1, 700, 2),
                new Key(T0 + HOUR, List.of("c2")), new Measures(1, 1, 1, 100, 1),
                new Key(T0 + 120_000, List.of("c1")), new Measures(4, 0, 0, 0, 4));
        Map<Key, Measures> hourly = ReportRows.bucketed(fine, Granularity.HOUR);
        assertThat(hourly)
                .containsExactly(
                        Map.entry(new Key(T0, List.of("c1")), new Measures(4, 0, 0, 0, 4)),
                        Map.entry(new Key(T0, List.of("c2")), new Measures(15, 3, 2, 1200, 5)),
                        Map.entry(new Key(T0 + HOUR, List.of("c2")), new Measures(1, 1, 1, 100, 1)));
    }

    @Test
    void wireRowsCarryTheGroupFieldsAndCtr() {
        List<Map<String, Object>> rows =
                ReportRows.wire(query(), Map.of(new Key(T0, List.of("c1")), new Measures(4, 1, 1, 250, 3)));
        assertThat(rows)
                .containsExactly(Map.of(
                        "bucket", "2026-11-01T10:00:00Z",
                        "campaign_id", "c1",
                        "impressions", 4L,
                        "clicks", 1L,
                        "billable_clicks", 1L,
                        "spend_micros", 250L,
                        "ctr", 0.25,
                        "unique_users", 3L));
    }

    @Test
    void truthAndEstimateRowsMergeInBucketThenGroupOrder() {
        List<Map<String, Object>> truth = ReportRows.wire(
                query(),
                Map.of(
                        new Key(T0, List.of("c2")), Measures.ZERO,
                        new Key(T0, List.of("c1")), Measures.ZERO));
        List<Map<String, Object>> estimates = ReportRows.wire(
                query(),
                Map.of(
                        new Key(T0 + HOUR, List.of("c1")), Measures.ZERO,
                        new Key(T0 + 2 * HOUR, List.of("c0")), Measures.ZERO));
        List<Map<String, Object>> merged = ReportRows.merged(query(), estimates, truth);
        assertThat(merged)
                .extracting(row -> row.get("bucket") + " " + row.get("campaign_id"))
                .containsExactly(
                        "2026-11-01T10:00:00Z c1",
                        "2026-11-01T10:00:00Z c2",
                        "2026-11-01T11:00:00Z c1",
                        "2026-11-01T12:00:00Z c0");
    }

    @Test
    void dayBucketsAreUtcDays() {
        assertThat(ReportRows.bucketOf(Instant.parse("2026-11-01T23:59:00Z").toEpochMilli(), Granularity.DAY))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
    }

    private static ReportQuery query() {
        return new ReportQuery(
                Mode.DASHBOARD,
                Optional.empty(),
                List.of(),
                Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 3 * HOUR),
                Granularity.HOUR,
                List.of(Dimension.CAMPAIGN_ID),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
