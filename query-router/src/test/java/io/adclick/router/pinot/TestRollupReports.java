package io.adclick.router.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.router.report.Dimension;
import io.adclick.router.report.Granularity;
import io.adclick.router.report.Mode;
import io.adclick.router.report.ReportQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestRollupReports {
    @Test
    void theStatementGroupsByMinuteAndTheDimensionsWithEveryFilterBound() {
        ReportQuery query = new ReportQuery(
                Mode.DASHBOARD,
                Optional.of("acme"),
                List.of("c1", "c'2"),
                Instant.ofEpochMilli(60_000),
                Instant.ofEpochMilli(180_000),
                Granularity.MINUTE,
                List.of(Dimension.COUNTRY, Dimension.DEVICE),
                Optional.of("US"),
                Optional.of("mobile"),
                Optional.of("p' OR '1'='1"));
        assertThat(RollupReports.sql(query, 11))
                .isEqualTo("SELECT minute_millis, country, device, SUM(impressions), SUM(clicks),"
                        + " SUM(billable_clicks), SUM(spend_micros), SUM(unique_users) FROM rollups_minute"
                        + " WHERE minute_millis >= 60000 AND minute_millis < 180000 AND advertiser_id = 'acme'"
                        + " AND campaign_id IN ('c1', 'c''2') AND country = 'US' AND device = 'mobile'"
                        + " AND publisher_id = 'p'' OR ''1''=''1' GROUP BY minute_millis, country, device LIMIT 11");
    }

    @Test
    void withoutFiltersOnlyTheRangeIsBound() {
        ReportQuery query = new ReportQuery(
                Mode.DASHBOARD,
                Optional.empty(),
                List.of(),
                Instant.ofEpochMilli(0),
                Instant.ofEpochMilli(3_600_000),
                Granularity.HOUR,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        assertThat(RollupReports.sql(query, 5))
                .endsWith("WHERE minute_millis >= 0 AND minute_millis < 3600000 GROUP BY minute_millis LIMIT 5");
    }
}
