package io.adclick.router.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestDashboardPlan {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-03T00:00:00Z");

    @Test
    void withoutTruthEverythingComesFromPinot() {
        DashboardPlan plan = DashboardPlan.of(query(Granularity.HOUR), Optional.empty());
        assertThat(plan.source()).isEqualTo("pinot");
        assertThat(plan.truth()).isEmpty();
        assertThat(plan.estimates().orElseThrow().from()).isEqualTo(FROM);
        assertThat(plan.estimates().orElseThrow().to()).isEqualTo(TO);
    }

    @Test
    void aRangeTruthCoversComesFromTrinoOnly() {
        DashboardPlan plan = DashboardPlan.of(query(Granularity.HOUR), Optional.of(TO.plusSeconds(7200)));
        assertThat(plan.source()).isEqualTo("trino");
        assertThat(plan.truth().orElseThrow().to()).isEqualTo(TO);
        assertThat(plan.estimates()).isEmpty();
    }

    @Test
    void aRangeAfterCompleteThroughComesFromPinotOnly() {
        DashboardPlan plan = DashboardPlan.of(query(Granularity.HOUR), Optional.of(FROM.minusSeconds(3600)));
        assertThat(plan.source()).isEqualTo("pinot");
        assertThat(plan.estimates().orElseThrow().from()).isEqualTo(FROM);
    }

    @Test
    void hourBucketsSplitAtCompleteThrough() {
        Instant completeThrough = Instant.parse("2026-11-02T05:00:00Z");
        DashboardPlan plan = DashboardPlan.of(query(Granularity.HOUR), Optional.of(completeThrough));
        assertThat(plan.source()).isEqualTo("pinot+trino");
        assertThat(plan.truth().orElseThrow().from()).isEqualTo(FROM);
        assertThat(plan.truth().orElseThrow().to()).isEqualTo(completeThrough);
        assertThat(plan.estimates().orElseThrow().from()).isEqualTo(completeThrough);
        assertThat(plan.estimates().orElseThrow().to()).isEqualTo(TO);
        assertThat(plan.estimates().orElseThrow().groupBy()).containsExactly(Dimension.CAMPAIGN_ID);
    }

    @Test
    void dayBucketsSplitAtTheStartOfTheDayTruthIsIn() {
        DashboardPlan plan =
                DashboardPlan.of(query(Granularity.DAY), Optional.of(Instant.parse("2026-11-02T05:00:00Z")));
        assertThat(plan.truth().orElseThrow().to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(plan.estimates().orElseThrow().from()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void minuteBucketsAlwaysComeFromPinot() {
        DashboardPlan plan =
                DashboardPlan.of(query(Granularity.MINUTE), Optional.of(Instant.parse("2026-11-02T05:00:00Z")));
        assertThat(plan.source()).isEqualTo("pinot");
        assertThat(plan.truth()).isEmpty();
    }

    private static ReportQuery query(Granularity granularity) {
        return new ReportQuery(
                Mode.DASHBOARD,
                Optional.of("acme"),
                List.of(),
                FROM,
                TO,
                granularity,
                List.of(Dimension.CAMPAIGN_ID),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
