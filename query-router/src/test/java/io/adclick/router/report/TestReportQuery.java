package io.adclick.router.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.router.api.ApiException;
import io.adclick.router.auth.Caller;
import io.adclick.router.auth.Role;
import io.adclick.router.trino.ReportSql;
import io.adclick.router.trino.Sql;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestReportQuery {
    private static final Caller FINANCE = Caller.of(Role.FINANCE);
    private static final List<String> INJECTIONS = List.of(
            "x' OR '1'='1",
            "1; DROP TABLE invoices",
            "acme'--",
            "acme/*",
            "a\"b",
            "acme%27",
            "acme\u0000",
            "x".repeat(65));

    private static ReportQuery.Raw billing() {
        return new ReportQuery.Raw(
                "billing",
                "acme",
                "c1,c2",
                "2026-11-01T00:00:00Z",
                "2026-11-02T00:00:00Z",
                "hour",
                "campaign_id,country",
                "US",
                "mobile",
                "pub-1");
    }

    @Test
    void parsesAValidBillingRequest() {
        ReportQuery query = ReportQuery.parse(billing(), FINANCE);
        assertThat(query.mode()).isEqualTo(Mode.BILLING);
        assertThat(query.advertiserId()).contains("acme");
        assertThat(query.campaignIds()).containsExactly("c1", "c2");
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(query.groupBy()).containsExactly(Dimension.CAMPAIGN_ID, Dimension.COUNTRY);
    }

    @Test
    void defaultsAreDashboardModeAndHourBuckets() {
        ReportQuery query = ReportQuery.parse(
                new ReportQuery.Raw(
                        null, null, null, "2026-11-01T00:00:00Z", "2026-11-01T03:00:00Z", null, null, null, null, null),
                FINANCE);
        assertThat(query.mode()).isEqualTo(Mode.DASHBOARD);
        assertThat(query.granularity()).isEqualTo(Granularity.HOUR);
        assertThat(query.advertiserId()).isEmpty();
    }

    @Test
    void dashboardModeTakesMinuteBucketsForAtMostSevenDays() {
        ReportQuery query = ReportQuery.parse(
                new ReportQuery.Raw(
                        "dashboard",
                        null,
                        null,
                        "2026-11-01T00:01:00Z",
                        "2026-11-01T00:05:00Z",
                        "minute",
                        null,
                        null,
                        null,
                        null),
                FINANCE);
        assertThat(query.granularity()).isEqualTo(Granularity.MINUTE);
        assertBad(
                new ReportQuery.Raw(
                        null,
                        null,
                        null,
                        "2026-11-01T00:00:30Z",
                        "2026-11-01T00:05:00Z",
                        "minute",
                        null,
                        null,
                        null,
                        null),
                "from");
        assertBad(
                new ReportQuery.Raw(
                        null,
                        null,
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-11-08T00:01:00Z",
                        "minute",
                        null,
                        null,
                        null,
                        null),
                "7 days");
    }

    @Test
    void anAdvertiserKeyIsScopedToItsOwnAdvertiser() {
        ReportQuery.Raw raw = new ReportQuery.Raw(
                "billing", null, null, "2026-11-01T00:00:00Z", "2026-11-01T03:00:00Z", null, null, null, null, null);
        assertThat(ReportQuery.parse(raw, Caller.advertiser("acme")).advertiserId())
                .contains("acme");
        assertThatThrownBy(() -> ReportQuery.parse(billing(), Caller.advertiser("globex")))
                .hasFieldOrPropertyWithValue("code", "forbidden");
    }

    @Test
    void badParametersAre400sThatNameTheParameter() {
        assertBad(
                new ReportQuery.Raw(
                        "fast",
                        null,
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-11-01T03:00:00Z",
                        null,
                        null,
                        null,
                        null,
                        null),
                "mode");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-11-01T03:00:00Z",
                        "minute",
                        null,
                        null,
                        null,
                        null),
                "granularity");
        assertBad(
                new ReportQuery.Raw(
                        "billing", null, null, "yesterday", "2026-11-01T03:00:00Z", null, null, null, null, null),
                "from");
        assertBad(
                new ReportQuery.Raw("billing", null, null, "2026-11-01T00:00:00Z", null, null, null, null, null, null),
                "to");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T03:00:00Z",
                        "2026-11-01T00:00:00Z",
                        null,
                        null,
                        null,
                        null,
                        null),
                "before");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T00:30:00Z",
                        "2026-11-01T03:00:00Z",
                        null,
                        null,
                        null,
                        null,
                        null),
                "whole hour");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T01:00:00Z",
                        "2026-11-03T00:00:00Z",
                        "day",
                        null,
                        null,
                        null,
                        null),
                "whole day");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-01-01T00:00:00Z",
                        "2026-11-01T00:00:00Z",
                        "hour",
                        null,
                        null,
                        null,
                        null),
                "Range too long");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-11-01T03:00:00Z",
                        null,
                        "hour",
                        null,
                        null,
                        null),
                "group_by");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-11-01T03:00:00Z",
                        null,
                        "country,country",
                        null,
                        null,
                        null),
                "twice");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-11-01T03:00:00Z",
                        null,
                        null,
                        "usa",
                        null,
                        null),
                "country");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-11-01T03:00:00Z",
                        null,
                        null,
                        null,
                        "phone",
                        null),
                "device");
        assertBad(
                new ReportQuery.Raw(
                        "billing",
                        null,
                        "c1,,c2",
                        "2026-11-01T00:00:00Z",
                        "2026-11-01T03:00:00Z",
                        null,
                        null,
                        null,
                        null,
                        null),
                "campaign_id");
    }

    @Test
    void injectionAttemptsInEveryTextParameterAre400s() {
        for (String evil : INJECTIONS) {
            assertBad(
                    new ReportQuery.Raw(
                            evil,
                            null,
                            null,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            null,
                            null,
                            null,
                            null,
                            null),
                    "mode");
            assertBad(
                    new ReportQuery.Raw(
                            "billing",
                            evil,
                            null,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            null,
                            null,
                            null,
                            null,
                            null),
                    "advertiser_id");
            assertBad(
                    new ReportQuery.Raw(
                            "billing",
                            null,
                            evil,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            null,
                            null,
                            null,
                            null,
                            null),
                    "campaign_id");
            assertBad(
                    new ReportQuery.Raw(
                            "billing", null, null, evil, "2026-11-01T03:00:00Z", null, null, null, null, null),
                    "from");
            assertBad(
                    new ReportQuery.Raw(
                            "billing", null, null, "2026-11-01T00:00:00Z", evil, null, null, null, null, null),
                    "to");
            assertBad(
                    new ReportQuery.Raw(
                            "billing",
                            null,
                            null,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            evil,
                            null,
                            null,
                            null,
                            null),
                    "granularity");
            assertBad(
                    new ReportQuery.Raw(
                            "billing",
                            null,
                            null,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            null,
                            evil,
                            null,
                            null,
                            null),
                    "group_by");
            assertBad(
                    new ReportQuery.Raw(
                            "billing",
                            null,
                            null,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            null,
                            null,
                            evil,
                            null,
                            null),
                    "country");
            assertBad(
                    new ReportQuery.Raw(
                            "billing",
                            null,
                            null,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            null,
                            null,
                            null,
                            evil,
                            null),
                    "device");
            assertBad(
                    new ReportQuery.Raw(
                            "billing",
                            null,
                            null,
                            "2026-11-01T00:00:00Z",
                            "2026-11-01T03:00:00Z",
                            null,
                            null,
                            null,
                            null,
                            evil),
                    "publisher_id");
        }
    }

    @Test
    void requestValuesReachTheSqlOnlyAsBoundParameters() {
        ReportQuery query = ReportQuery.parse(billing(), FINANCE);
        Sql sql = ReportSql.build(query, 42L);
        assertThat(sql.text())
                .contains("FROM billing_hourly FOR VERSION AS OF 42")
                .doesNotContain("acme", "c1", "US", "mobile", "pub-1", "2026");
        assertThat(sql.parameters())
                .containsExactly(
                        "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "acme", "c1", "c2", "US", "mobile", "pub-1");
        assertThat(sql.text()).endsWith("GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    }

    @Test
    void dayBucketsReadTheDailyTableByDate() {
        ReportQuery query = ReportQuery.parse(
                new ReportQuery.Raw(
                        "billing",
                        "acme",
                        null,
                        "2026-11-01T00:00:00Z",
                        "2026-12-01T00:00:00Z",
                        "day",
                        null,
                        null,
                        null,
                        null),
                FINANCE);
        Sql sql = ReportSql.build(query, 7L);
        assertThat(sql.text())
                .contains("FROM billing_daily FOR VERSION AS OF 7")
                .contains("day >= CAST(? AS date)");
        assertThat(sql.parameters()).containsExactly("2026-11-01", "2026-12-01", "acme");
    }

    private static void assertBad(ReportQuery.Raw raw, String mentioned) {
        assertThatThrownBy(() -> ReportQuery.parse(raw, FINANCE))
                .as("%s", raw)
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("code", "bad_parameter")
                .hasMessageContaining(mentioned);
    }
}
