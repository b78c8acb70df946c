package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.it.RouterClient.Answer;
import io.adclick.infra.query.TrinoStatements;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.BillingDailyTable;
import io.adclick.schemas.table.BillingHourlyTable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Latency of the router's billing report and invoice for one advertiser-month over a year of
 * synthetic truth for 1,000 campaigns, and Trino's memory. Not part of {@code verify} (the name
 * matches neither Surefire's nor Failsafe's patterns); run it alone with
 * {@code ./mvnw -B verify -pl infra -am -Dit.test=RouterLatencyBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The truth tables are written directly through Trino ({@code INSERT ... SELECT} over
 * {@code UNNEST(sequence(...))}), not by the Spark jobs: one advertiser, 1,000 campaigns, one row
 * per campaign and day in {@code billing_daily} and per campaign and hour in {@code billing_hourly}
 * (a few files per partition, as the truth jobs leave them after a compaction).
 */
@ExtendWith(EmbeddedStackExtension.class)
class RouterLatencyBench {
    private static final String ADVERTISER = "bench-adv";
    private static final int CAMPAIGNS = Integer.getInteger("bench.campaigns", 1000);
    private static final int HOURLY_DAYS = Integer.getInteger("bench.hourly-days", 365);
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 11, 1);
    private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(364);
    private static final YearMonth MONTH = YearMonth.of(2026, 6);
    private static final int RUNS = Integer.getInteger("bench.runs", 40);
    private static final Duration SQL_TIMEOUT = Duration.ofMinutes(10);

    private static final String VALUES = "'" + ADVERTISER + "', 'bench-cmp-' || lpad(CAST(c AS varchar), 4, '0'),"
            + " 'bench-ad-' || CAST(c AS varchar), 'bench-pub', 'US', 'desktop', BIGINT '1000', BIGINT '40',"
            + " CAST(20 + c % 10 AS bigint), CAST((20 + c % 10) * 250000 AS bigint), BIGINT '900', BIGINT '6',"
            + " BIGINT '4', BIGINT '2', BIGINT '1', BIGINT '1', BIGINT '2', MAP(ARRAY['bot_device'], ARRAY[BIGINT '2']),"
            + " 'bench-run', CAST(NULL AS bigint)";

    @Test
    void invoiceAndBillingReportLatency(EmbeddedStack stack) throws Exception {
        URI trino = stack.startedTrino().baseUrl();
        long loadStart = System.nanoTime();
        // created with the truth jobs' schemas through the REST catalog
        try (ArchiveReader archive = stack.archive()) {
            archive.createTable(
                    AdclickTables.BILLING_DAILY, BillingDailyTable.SCHEMA, BillingDailyTable.PARTITION_SPEC);
            archive.createTable(
                    AdclickTables.BILLING_HOURLY, BillingHourlyTable.SCHEMA, BillingHourlyTable.PARTITION_SPEC);
        }
        for (LocalDate from = FIRST_DAY; !from.isAfter(LAST_DAY); from = from.plusDays(90)) {
            LocalDate to = min(from.plusDays(89), LAST_DAY);
            sql(
                    trino,
                    "INSERT INTO billing_daily SELECT d, " + VALUES + " FROM UNNEST(sequence(DATE '" + from
                            + "', DATE '" + to + "', INTERVAL '1' DAY)) AS t(d) CROSS JOIN UNNEST(sequence(1, "
                            + CAMPAIGNS
                            + ")) AS u(c)");
        }
        LocalDate hourlyFrom = MONTH.atDay(1).minusDays(HOURLY_DAYS / 2);
        for (LocalDate from = hourlyFrom; from.isBefore(hourlyFrom.plusDays(HOURLY_DAYS)); from = from.plusDays(4)) {
            sql(
                    trino,
                    "INSERT INTO billing_hourly SELECT with_timezone(h, 'UTC'), " + VALUES
                            + " FROM UNNEST(sequence(TIMESTAMP '" + from + " 00:00:00', TIMESTAMP '" + from.plusDays(3)
                            + " 23:00:00', INTERVAL '1' HOUR)) AS t(h) CROSS JOIN UNNEST(sequence(1, " + CAMPAIGNS
                            + ")) AS u(c)");
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        RouterClient router = new RouterClient(stack.startedRouter().baseUrl());
        String monthRange = "&from=" + MONTH.atDay(1) + "T00:00:00Z&to="
                + MONTH.plusMonths(1).atDay(1) + "T00:00:00Z";
        String dayReport = "/v1/reports?mode=billing&granularity=day&group_by=campaign_id" + monthRange;
        String hourReport = "/v1/reports?mode=billing&granularity=hour" + monthRange;
        String key = "dev-adv-" + ADVERTISER;

        List<Double> firstInvoices = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2026, 1).plusMonths(m - 1);
            if (!month.isAfter(YearMonth.from(LAST_DAY))) {
                firstInvoices.add(time(() -> ok(router.get("/v1/invoices?month=" + month, key))));
            }
        }
        for (int i = 0; i < 5; i++) {
            ok(router.get(dayReport, key));
            ok(router.get(hourReport, key));
        }
        List<Double> invoices = new ArrayList<>();
        List<Double> dayReports = new ArrayList<>();
        List<Double> hourReports = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            invoices.add(time(() -> ok(router.get("/v1/invoices?month=" + MONTH, key))));
            dayReports.add(time(() -> ok(router.get(dayReport, key))));
            hourReports.add(time(() -> ok(router.get(hourReport, key))));
        }
        Answer invoice = router.get("/v1/invoices?month=" + MONTH, key);
        assertThat(invoice.json().get("lines")).hasSize(CAMPAIGNS);
        long trinoRss = rssKib(stack.trino().record().orElseThrow().pid());
        System.out.printf(
                "RouterLatencyBench: %d campaigns, %d days daily + %d days hourly (%,d hourly rows) loaded in %.0f s%n"
                        + "  invoice, first request of a month (compute + store), n=%d: %s%n"
                        + "  invoice, asked again, n=%d: %s%n"
                        + "  billing report, month by day and campaign (%d rows), n=%d: %s%n"
                        + "  billing report, month by hour (%d rows), n=%d: %s%n"
                        + "  Trino RSS %.2f GiB (heap -Xmx%s), cores %d, load average %s%n",
                CAMPAIGNS,
                365,
                HOURLY_DAYS,
                (long) HOURLY_DAYS * 24 * CAMPAIGNS,
                loadSeconds,
                firstInvoices.size(),
                percentiles(firstInvoices),
                invoices.size(),
                percentiles(invoices),
                ok(router.get(dayReport, key)).json().get("rows").size(),
                dayReports.size(),
                percentiles(dayReports),
                ok(router.get(hourReport, key)).json().get("rows").size(),
                hourReports.size(),
                percentiles(hourReports),
                trinoRss / 1024.0 / 1024.0,
                stack.config().query().trinoHeap(),
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static void sql(URI trino, String sql) {
        TrinoStatements.Result result = TrinoStatements.run(trino, sql, SQL_TIMEOUT);
        assertThat(result.succeeded()).as("%s: %s", sql, result.value()).isTrue();
    }

    private static double time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String percentiles(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return "p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                .formatted(at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private static long rssKib(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
