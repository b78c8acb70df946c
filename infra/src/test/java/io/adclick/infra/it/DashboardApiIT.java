package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.it.CampaignMinuteTotals.Totals;
import io.adclick.infra.launcher.PrometheusText;
import io.adclick.infra.query.QueryRouter;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.Campaign;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.schemas.table.AdclickTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The router's dashboard API on the real engines: SDK traffic through the edge, the stream job
 * into Pinot, budgets loaded into {@code adclick.campaigns} through Trino, truth and reconciliation
 * by the real Spark jobs. Dashboard mode answers the traffic's closed minutes from Pinot exactly as
 * computed here from what the edge acknowledged; pacing shows each campaign's spend of the day
 * against its loaded budget; {@code /v1/reconciliation} serves the rows the reconciliation job
 * wrote; an advertiser key sees only its own advertiser.
 */
@ExtendWith(EmbeddedStackExtension.class)
class DashboardApiIT {
    private static final int VIEWS = 1_500;
    private static final int REQUESTS_PER_SECOND = 20;

    @Test
    void dashboardPacingAndReconciliationAnswerWhatWasSentScopedToTheCaller(EmbeddedStack stack)
            throws java.io.IOException {
        long startNanos = System.nanoTime();
        long seed = System.nanoTime();
        stack.startedPinot();
        StreamEstimates job = stack.startedStream();
        QueryRouter router = stack.startedRouter();
        RouterClient client = new RouterClient(router.baseUrl());
        String namespace = EstimatesTraffic.NAMESPACE + "dash-%08x-".formatted(seed & 0xffffffffL);
        EstimatesTraffic traffic = EstimatesTraffic.plan(namespace, seed, Instant.now(), VIEWS);
        List<SdkEvent> acknowledged = StreamWithKills.send(stack, job, traffic, seed, 0, REQUESTS_PER_SECOND)
                .acknowledged();
        Map<CampaignMinute, Totals> expected = CampaignMinuteTotals.expected(acknowledged);
        Map<String, Campaign> campaigns = new TreeMap<>();
        acknowledged.forEach(
                e -> campaigns.putIfAbsent(e.serve().campaign().id(), e.serve().campaign()));
        List<String> advertisers = campaigns.values().stream()
                .map(Campaign::advertiserId)
                .distinct()
                .sorted()
                .toList();
        assertThat(advertisers).as("advertisers of the traffic (seed %d)", seed).hasSizeGreaterThan(1);
        String advertiser = advertisers.get(0);
        String other = advertisers.get(1);
        String campaignList = String.join(",", campaigns.keySet());

        // dashboard mode, minute buckets: the stream's estimates, exactly
        String minutes =
                "/v1/reports?mode=dashboard&granularity=minute&group_by=campaign_id&from=%s&to=%s&campaign_id=%s"
                        .formatted(traffic.start(), traffic.end(), RouterClient.enc(campaignList));
        await("dashboard minutes equal the expected estimates (seed %d)".formatted(seed))
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(minuteTotals(client.get(minutes, "dev-finance")))
                        .isEqualTo(expected));
        JsonNode dashboard = client.get(minutes, "dev-finance").json();
        assertThat(dashboard.get("mode").asText()).isEqualTo("dashboard");
        assertThat(dashboard.get("source").asText()).isEqualTo("pinot");

        // an advertiser key: its own campaigns only, and a 403 for another advertiser
        String own = "/v1/reports?granularity=minute&group_by=campaign_id&from=%s&to=%s"
                .formatted(traffic.start(), traffic.end());
        assertThat(minuteTotals(client.get(own, "dev-adv-" + advertiser)))
                .isEqualTo(ofAdvertiser(expected, campaigns, advertiser));
        RouterClient.Answer denied = client.get(own + "&advertiser_id=" + other, "dev-adv-" + advertiser);
        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(denied.json().get("code").asText()).isEqualTo("forbidden");

        // pacing: budgets loaded by an engineer, spend of the day from the estimates
        StringBuilder csv = new StringBuilder("campaign_id,advertiser_id,daily_budget_micros\n");
        campaigns.values().forEach(c -> csv.append(c.id())
                .append(',')
                .append(c.advertiserId())
                .append(',')
                .append(c.dailyBudgetMicros())
                .append('\n'));
        assertThat(post(router.baseUrl(), "dev-finance", csv.toString()).statusCode())
                .isEqualTo(403);
        java.nio.file.Path budgetsFile = stack.config().stateDir().resolve("budgets-" + seed + ".csv");
        java.nio.file.Files.writeString(budgetsFile, csv.toString());
        java.io.StringWriter cliOut = new java.io.StringWriter();
        int exit = io.adclick.infra.cli.AdclickCli.commandLine()
                .setOut(new java.io.PrintWriter(cliOut))
                .execute(
                        "campaigns",
                        "load",
                        budgetsFile.toString(),
                        "--router",
                        router.baseUrl().toString());
        assertThat(exit).as("adclick campaigns load: %s", cliOut).isZero();
        assertThat(cliOut.toString()).contains("\"loaded\":" + campaigns.size());
        LocalDate today = traffic.end().minusMillis(1).atOffset(ZoneOffset.UTC).toLocalDate();
        RouterClient.Answer pacing = client.get("/v1/pacing?date=%s".formatted(today), "dev-adv-" + advertiser);
        assertThat(pacing.status()).as(pacing.body()).isEqualTo(200);
        Map<String, Long> spend = new TreeMap<>();
        Map<String, Long> budgets = new TreeMap<>();
        for (JsonNode line : pacing.json().get("campaigns")) {
            spend.put(line.get("campaign_id").asText(), line.get("spend_micros").asLong());
            budgets.put(
                    line.get("campaign_id").asText(),
                    line.get("daily_budget_micros").asLong());
        }
        Map<String, Long> expectedSpend = new TreeMap<>();
        Map<String, Long> expectedBudgets = new TreeMap<>();
        campaigns.values().stream()
                .filter(c -> c.advertiserId().equals(advertiser))
                .forEach(c -> {
                    expectedSpend.put(c.id(), 0L);
                    expectedBudgets.put(c.id(), c.dailyBudgetMicros());
                });
        expected.forEach((key, totals) -> {
            if (expectedSpend.containsKey(key.campaignId())
                    && key.minute().atOffset(ZoneOffset.UTC).toLocalDate().equals(today)) {
                expectedSpend.merge(key.campaignId(), totals.spendMicros(), Long::sum);
            }
        });
        assertThat(spend).as("spend of the day per campaign (seed %d)", seed).isEqualTo(expectedSpend);
        assertThat(budgets).as("daily budgets").isEqualTo(expectedBudgets);
        assertThat(pacing.json().get("campaigns").get(0).get("pace").isNumber()).isTrue();
        assertThat(client.get("/v1/pacing?advertiser_id=%s&date=%s".formatted(other, today), "dev-adv-" + advertiser)
                        .status())
                .isEqualTo(403);

        reconciliationServesWhatTheJobWrote(stack, client, traffic, expected, campaigns, advertiser, other, seed);
        pipelineMetricsShowTheReconciliationAndTheEstimates(client, expected, seed);
        dashboardMergesTruthBeforeCompleteThroughWithPinotAfter(client, expected, campaigns, seed);
        assertThat(stack.unexpectedExits()).isEmpty();
        System.out.printf(
                "DashboardApiIT: %d campaign-minutes exact from Pinot, %d campaigns paced for %s; %.1f s, seed %d%n",
                expected.size(), spend.size(), advertiser, (System.nanoTime() - startNanos) / 1e9, seed);
    }

    private static void reconciliationServesWhatTheJobWrote(
            EmbeddedStack stack,
            RouterClient client,
            EstimatesTraffic traffic,
            Map<CampaignMinute, Totals> expected,
            Map<String, Campaign> campaigns,
            String advertiser,
            String other,
            long seed) {
        Map<String, Long> expectedEstimates = new TreeMap<>();
        expected.forEach((key, totals) -> expectedEstimates.merge(
                key.minute().truncatedTo(ChronoUnit.HOURS) + " " + key.campaignId(),
                totals.billableClicks(),
                Long::sum));
        Instant firstHour = traffic.start().truncatedTo(ChronoUnit.HOURS);
        Instant lastHour = traffic.end().minusMillis(1).truncatedTo(ChronoUnit.HOURS);
        long ourClicks = expected.values().stream().mapToLong(Totals::clicks).sum();
        try (ArchiveReader archive = stack.archive()) {
            await("the traffic's rollups archived (seed %d)".formatted(seed))
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> StreamEstimatesIT.archivedEstimates(
                                    archive, EstimatesTraffic.NAMESPACE, traffic::isOurs)
                            .equals(expectedEstimates));
            await("the traffic's clicks archived (seed %d)".formatted(seed))
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> archive
                                    .rows(
                                            AdclickTables.RAW_EVENTS,
                                            Expressions.and(
                                                    Expressions.startsWith("campaign_id", EstimatesTraffic.NAMESPACE),
                                                    Expressions.equal("event_type", "click")))
                                    .stream()
                                    .filter(r -> traffic.isOurs((String) r.getField("campaign_id")))
                                    .map(r -> r.getField("event_id"))
                                    .distinct()
                                    .count()
                            >= ourClicks);
        }
        TruthRuns.billAndReconcile(stack, firstHour, lastHour);

        String range = "from=%s&to=%s".formatted(firstHour, lastHour.plus(Duration.ofHours(1)));
        String ours = "&campaign_id=" + RouterClient.enc(String.join(",", campaigns.keySet()));
        RouterClient.Answer all = client.get("/v1/reconciliation?" + range + ours, "dev-auditor");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        Map<String, Long> served = new TreeMap<>();
        for (JsonNode row : all.json().get("rows")) {
            served.put(
                    row.get("hour").asText() + " " + row.get("campaign_id").asText(),
                    row.get("estimate_clicks").asLong());
            assertThat(row.get("drift_clicks").asLong())
                    .isEqualTo(row.get("estimate_clicks").asLong()
                            - row.get("truth_clicks").asLong());
            assertThat(row.get("residual_clicks").asLong())
                    .as("residual of %s", row)
                    .isZero();
            assertThat(row.get("alert").asBoolean()).as("alert of %s", row).isFalse();
            assertThat(row.get("explained_clicks").isObject()).isTrue();
        }
        assertThat(served).as("reconciled estimates served (seed %d)", seed).isEqualTo(expectedEstimates);
        assertThat(all.json().get("truth_snapshot_id").isNumber()).isTrue();

        RouterClient.Answer own = client.get("/v1/reconciliation?" + range, "dev-adv-" + advertiser);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("rows"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("advertiser_id").asText()).isEqualTo(advertiser));
        assertThat(client.get("/v1/reconciliation?" + range + "&advertiser_id=" + other, "dev-adv-" + advertiser)
                        .status())
                .isEqualTo(403);
    }

    /**
     * The router's pipeline gauges read both engines: the reconciliation figures of the last 7 days
     * equal what {@code /v1/reconciliation} serves for them, and the newest minute in Pinot is at
     * least the traffic's newest minute, with the newest revision emitted after that minute began.
     */
    private static void pipelineMetricsShowTheReconciliationAndTheEstimates(
            RouterClient client, Map<CampaignMinute, Totals> expected, long seed) {
        Instant now = Instant.now();
        Instant from =
                now.minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        RouterClient.Answer week = client.get("/v1/reconciliation?from=%s&to=%s".formatted(from, to), "dev-auditor");
        assertThat(week.status()).as(week.body()).isEqualTo(200);
        long alerts = 0;
        long largestResidual = 0;
        Instant newestHour = Instant.EPOCH;
        for (JsonNode row : week.json().get("rows")) {
            boolean alert =
                    row.get("alert").asBoolean() || row.get("category").asText().equals("unexplained");
            alerts += alert ? 1 : 0;
            largestResidual = Math.max(
                    largestResidual, Math.abs(row.get("residual_clicks").asLong()));
            Instant hour = Instant.parse(row.get("hour").asText());
            newestHour = hour.isAfter(newestHour) ? hour : newestHour;
        }
        assertThat(week.json().get("rows")).as("reconciled rows of the week").isNotEmpty();
        Instant trafficNewestMinute = expected.keySet().stream()
                .map(CampaignMinute::minute)
                .max(Instant::compareTo)
                .orElseThrow();
        long expectedAlerts = alerts;
        long expectedResidual = largestResidual;
        double expectedNewestHour = newestHour.getEpochSecond();
        await("the router's pipeline gauges (seed %d)".formatted(seed))
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    PrometheusText metrics =
                            PrometheusText.parse(client.get("/metrics", null).body());
                    double sinceTrafficMinute =
                            Duration.between(trafficNewestMinute, Instant.now()).toMillis() / 1000.0;
                    assertThat(metrics.series("adclick_pipeline_source_up{source=\"trino\"}"))
                            .hasValue(1.0);
                    assertThat(metrics.series("adclick_pipeline_source_up{source=\"pinot\"}"))
                            .hasValue(1.0);
                    assertThat(metrics.series("adclick_reconciliation_alerts")).hasValue((double) expectedAlerts);
                    assertThat(metrics.series("adclick_reconciliation_newest_hour_seconds"))
                            .hasValue(expectedNewestHour);
                    assertThat(metrics.series("adclick_reconciliation_max_abs_residual_clicks"))
                            .hasValue((double) expectedResidual);
                    double newestMinuteAge = metrics.series("adclick_estimates_newest_minute_age_seconds")
                            .orElseThrow();
                    double lastRevisionAge = metrics.series("adclick_estimates_last_revision_age_seconds")
                            .orElseThrow();
                    assertThat(newestMinuteAge)
                            .as("newest minute age, the traffic's newest minute began %.1f s ago", sinceTrafficMinute)
                            .isLessThanOrEqualTo(sinceTrafficMinute);
                    assertThat(lastRevisionAge)
                            .as("last revision age against newest minute age %.1f s", newestMinuteAge)
                            .isBetween(0.0, newestMinuteAge + 1);
                });
    }

    /**
     * Once truth ran, an hour-bucket range around {@code complete_through} is answered from both
     * paths: the buckets before it exactly as billing mode (truth) answers them, the ones after it
     * as the stream estimated them.
     */
    private static void dashboardMergesTruthBeforeCompleteThroughWithPinotAfter(
            RouterClient client, Map<CampaignMinute, Totals> expected, Map<String, Campaign> campaigns, long seed) {
        String ours = "&group_by=campaign_id&campaign_id=" + RouterClient.enc(String.join(",", campaigns.keySet()));
        JsonNode probe = client.get(
                        "/v1/reconciliation?from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z", "dev-auditor")
                .json();
        assertThat(probe.get("complete_through").isTextual())
                .as("complete_through after the truth run")
                .isTrue();
        Instant completeThrough = Instant.parse(probe.get("complete_through").asText());
        Instant from = completeThrough.minus(Duration.ofHours(1));
        Instant to = completeThrough.plus(Duration.ofHours(1));
        RouterClient.Answer merged = client.get(
                "/v1/reports?mode=dashboard&granularity=hour&from=%s&to=%s%s".formatted(from, to, ours), "dev-finance");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("source").asText()).isEqualTo("pinot+trino");
        assertThat(merged.json().get("truth_snapshot_id").isNumber()).isTrue();
        RouterClient.Answer billing = client.get(
                "/v1/reports?mode=billing&granularity=hour&from=%s&to=%s%s".formatted(from, completeThrough, ours),
                "dev-finance");
        assertThat(billing.status()).as(billing.body()).isEqualTo(200);
        List<JsonNode> truthPart = new java.util.ArrayList<>();
        Map<String, Totals> pinotPart = new TreeMap<>();
        for (JsonNode row : merged.json().get("rows")) {
            Instant bucket = Instant.parse(row.get("bucket").asText());
            if (bucket.isBefore(completeThrough)) {
                truthPart.add(row);
            } else {
                pinotPart.put(
                        bucket + " " + row.get("campaign_id").asText(),
                        new Totals(
                                row.get("impressions").asLong(),
                                row.get("clicks").asLong(),
                                row.get("billable_clicks").asLong(),
                                row.get("spend_micros").asLong()));
            }
        }
        List<JsonNode> billed = new java.util.ArrayList<>();
        billing.json().get("rows").forEach(billed::add);
        assertThat(truthPart)
                .as("buckets before complete_through are truth's (seed %d)", seed)
                .isEqualTo(billed);
        Map<String, Totals> expectedAfter = new TreeMap<>();
        expected.forEach((key, totals) -> {
            if (!key.minute().isBefore(completeThrough)) {
                expectedAfter.merge(
                        key.minute().truncatedTo(ChronoUnit.HOURS) + " " + key.campaignId(), totals, Totals::plus);
            }
        });
        assertThat(pinotPart)
                .as("buckets from complete_through on are the estimates (seed %d)", seed)
                .isEqualTo(expectedAfter);
        System.out.printf(
                "DashboardApiIT: pinot+trino around complete_through %s: %d truth rows, %d estimate rows%n",
                completeThrough, truthPart.size(), pinotPart.size());
    }

    private static Map<CampaignMinute, Totals> minuteTotals(RouterClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<CampaignMinute, Totals> totals = new TreeMap<>();
        for (JsonNode row : answer.json().get("rows")) {
            totals.put(
                    new CampaignMinute(
                            row.get("campaign_id").asText(),
                            Instant.parse(row.get("bucket").asText())),
                    new Totals(
                            row.get("impressions").asLong(),
                            row.get("clicks").asLong(),
                            row.get("billable_clicks").asLong(),
                            row.get("spend_micros").asLong()));
        }
        return totals;
    }

    private static Map<CampaignMinute, Totals> ofAdvertiser(
            Map<CampaignMinute, Totals> expected, Map<String, Campaign> campaigns, String advertiser) {
        return expected.entrySet().stream()
                .filter(e ->
                        campaigns.get(e.getKey().campaignId()).advertiserId().equals(advertiser))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static HttpResponse<String> post(URI router, String key, String csv) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(router.resolve("/v1/campaigns"))
                                    .timeout(Duration.ofSeconds(120))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "text/csv")
                                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
