package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.infra.it.RouterClient.Answer;
import io.adclick.infra.launcher.PrometheusText;
import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.Campaign;
import io.adclick.infra.traffic.EdgeClient;
import io.adclick.infra.traffic.EdgeRequest;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.GroundTruthRecord;
import io.adclick.infra.traffic.GroundTruthWriter;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.ScenarioPlanner;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.TrafficEngine;
import io.adclick.infra.traffic.TrafficMix;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.infra.truth.TruthJobRunner;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.wire.JsonWire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The query router end to end: adversarial generator traffic through the edge, Kafka, Connect and
 * Iceberg; the real daily truth job (Spark) computes the day; a real Trino reads the tables and the
 * real router answers. Expected figures come from the same Iceberg tables read with Iceberg's own
 * Java API (not through Trino). The backfill test runs last: it changes truth.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryRouterIT {
    private static final String NAMESPACE = "router-it-";
    private static final long SEED = 41;
    private static final int RATE = 120;
    private static final Duration TRAFFIC = Duration.ofSeconds(12);
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    /** The router reads the pipeline gauges every 15 s (its default); a read on a loaded machine takes a few. */
    private static final Duration PIPELINE_REFRESH_WAIT = Duration.ofSeconds(40);

    private static final TrafficMix ADVERSARIAL = new TrafficMix(Map.of(
            Scenario.IMPRESSION, 0.30,
            Scenario.IMPRESSION_AND_CLICK, 0.30,
            Scenario.DOUBLE_CLICK, 0.08,
            Scenario.CLICK_WITHOUT_IMPRESSION, 0.05,
            Scenario.EXPIRED_TOKEN, 0.04,
            Scenario.SDK_BATCH, 0.10,
            Scenario.TRANSPORT_DUPLICATE, 0.08,
            Scenario.BOT_BURST, 0.05));
    private static final List<String> INJECTIONS =
            List.of("x' OR '1'='1", "1; DROP TABLE invoices", "acme' --", "a\"b", "%27%20OR%201=1", "'; SELECT 1; --");

    private final AdCatalog catalog = AdCatalog.standard(SEED).withNamespace(NAMESPACE);
    private final AdServer adServer =
            new AdServer(catalog, ZipfCampaigns.standard(200), new TokenSigner(SigningKeys.fromEnvironment()));

    private EmbeddedStack stack;
    private RouterClient router;
    private Instant hour;
    private LocalDate day;
    private YearMonth month;
    /** The advertiser with the most billable clicks, and another advertiser with data. */
    private String adv;

    private String other;
    private JsonNode firstInvoice;
    private Set<String> ackedEventIds;

    @BeforeAll
    void produceTruthAndStartTheRouter(EmbeddedStack embedded) throws Exception {
        long startNanos = System.nanoTime();
        stack = embedded;
        stack.awaitArchiveRunning();
        hour = hourWithRoomForTraffic();
        day = hour.atOffset(ZoneOffset.UTC).toLocalDate();
        month = YearMonth.from(day);
        Path truthFile = Files.createTempFile("router-it-truth", ".jsonl");
        truthFile.toFile().deleteOnExit();
        List<GroundTruthRecord> sent = sendTraffic(truthFile);
        ackedEventIds = acknowledged(sent);
        try (ArchiveReader archive = stack.archive()) {
            awaitArchived(archive, ackedEventIds);
        }
        runDay();
        // dashboard mode reads Pinot for the hours after complete_through (the test's own hour, often)
        stack.startedPinot();
        router = new RouterClient(stack.startedRouter().baseUrl());
        try (ArchiveReader archive = stack.archive()) {
            Map<String, Long> billableByAdvertiser = new TreeMap<>();
            for (Record row : daily(archive, Expressions.alwaysTrue())) {
                billableByAdvertiser.merge(
                        (String) row.getField("advertiser_id"), (Long) row.getField("billable_clicks"), Long::sum);
            }
            adv = billableByAdvertiser.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            other = billableByAdvertiser.keySet().stream()
                    .filter(a -> !a.equals(adv))
                    .findFirst()
                    .orElseThrow();
            assertThat(billableByAdvertiser.get(adv))
                    .as("billable clicks of %s", adv)
                    .isPositive();
        }
        System.out.printf(
                "QueryRouterIT: %d events sent, truth for %s computed, router up; advertisers %s and %s; %.0f s%n",
                sent.size(), day, adv, other, (System.nanoTime() - startNanos) / 1e9);
    }

    @Test
    @Order(1)
    void billingReportsEqualTheTruthTablesPerCampaignAndBucket() {
        Answer answer = router.get(
                "/v1/reports?mode=billing&granularity=hour&group_by=campaign_id&advertiser_id=" + adv + range(hour, 1),
                "dev-adv-" + adv);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("mode").asText()).isEqualTo("billing");
        assertThat(json.get("source").asText()).isEqualTo("trino");
        try (ArchiveReader archive = stack.archive()) {
            Table hourly = archive.table(AdclickTables.BILLING_HOURLY);
            assertThat(json.get("truth_snapshot_id").asLong())
                    .isEqualTo(hourly.currentSnapshot().snapshotId());
            Map<String, List<Long>> expected = measuresByCampaign(archive.rows(
                    AdclickTables.BILLING_HOURLY,
                    Expressions.and(Expressions.equal("hour", micros(hour)), Expressions.equal("advertiser_id", adv))));
            Map<String, List<Long>> actual = new TreeMap<>();
            for (JsonNode row : json.get("rows")) {
                assertThat(row.get("bucket").asText()).isEqualTo(hour.toString());
                actual.put(row.get("campaign_id").asText(), measures(row));
            }
            assertThat(actual).isEqualTo(expected).isNotEmpty();
        }
        assertThat(Instant.parse(json.get("complete_through").asText())).isAfterOrEqualTo(hour);

        Answer daily = router.get(
                "/v1/reports?mode=billing&granularity=day&advertiser_id=" + adv + "&from="
                        + day.atStartOfDay().toInstant(ZoneOffset.UTC) + "&to="
                        + day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                "dev-finance");
        assertThat(daily.status()).as(daily.body()).isEqualTo(200);
        try (ArchiveReader archive = stack.archive()) {
            List<Long> total =
                    measuresByCampaign(daily(archive, Expressions.equal("advertiser_id", adv))).values().stream()
                            .reduce(QueryRouterIT::add)
                            .orElseThrow();
            assertThat(daily.json().get("rows")).hasSize(1);
            assertThat(measures(daily.json().get("rows").get(0))).isEqualTo(total);
        }
    }

    @Test
    @Order(2)
    void dashboardModeReadsTruthBeforeCompleteThroughAndTheEstimatesAfter() {
        Answer answer = router.get("/v1/reports?group_by=country,device" + range(hour, 1), "dev-adv-" + adv);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("mode").asText()).isEqualTo("dashboard");
        JsonNode completeThrough = answer.json().get("complete_through");
        Instant truthEnd = completeThrough.isNull() ? null : Instant.parse(completeThrough.asText());
        Instant end = hour.plus(Duration.ofHours(1));
        String expectedSource = truthEnd != null && !truthEnd.isBefore(end)
                ? "trino"
                : truthEnd == null || !truthEnd.isAfter(hour) ? "pinot" : "pinot+trino";
        assertThat(answer.json().get("source").asText())
                .as("source of [%s, %s) with truth complete through %s", hour, end, truthEnd)
                .isEqualTo(expectedSource);
        if (expectedSource.equals("trino")) {
            assertThat(answer.json().get("rows")).isNotEmpty();
        }
        assertThat(answer.json().get("rows")).allSatisfy(row -> {
            assertThat(row.has("country") && row.has("device") && row.has("ctr") && row.has("unique_users"))
                    .isTrue();
        });
    }

    @Test
    @Order(3)
    void anInvoiceHasOneLinePerCampaignFromBillingDailyAndAskingAgainGivesTheSameInvoice() {
        Answer first = router.get("/v1/invoices?month=" + month, "dev-adv-" + adv);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode invoice = first.json();
        try (ArchiveReader archive = stack.archive()) {
            long dailySnapshot =
                    archive.table(AdclickTables.BILLING_DAILY).currentSnapshot().snapshotId();
            assertThat(invoice.get("truth_snapshot_id").asLong()).isEqualTo(dailySnapshot);
            assertThat(lines(invoice)).isEqualTo(invoiceLines(daily(archive, Expressions.equal("advertiser_id", adv))));
        }
        assertThat(invoice.get("version").asInt()).isEqualTo(1);
        assertThat(invoice.get("supersedes").isNull()).isTrue();
        assertThat(invoice.get("totals").get("spend_micros").asLong())
                .isEqualTo(sum(invoice, "spend_micros"))
                .isPositive();
        assertThat(invoice.get("complete_through").isNull()).isFalse();

        for (String key : List.of("dev-adv-" + adv, "dev-finance", "dev-auditor")) {
            String query = key.startsWith("dev-adv") ? "" : "&advertiser_id=" + adv;
            Answer again = router.get("/v1/invoices?month=" + month + query, key);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).as("asked again by %s", key).isEqualTo(first.body());
        }
        firstInvoice = invoice;
    }

    @Test
    @Order(4)
    void theCsvInvoiceHasTheSameLinesAndATotal() {
        Answer csv = router.get("/v1/invoices?format=csv&advertiser_id=" + adv + "&month=" + month, "dev-finance");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0))
                .isEqualTo(
                        "invoice_id,version,advertiser_id,month,truth_snapshot_id,line_id,campaign_id,billable_clicks,spend_micros");
        String prefix = "%s,1,%s,%s,%d,"
                .formatted(
                        firstInvoice.get("invoice_id").asText(),
                        adv,
                        month,
                        firstInvoice.get("truth_snapshot_id").asLong());
        List<String> expected = new ArrayList<>();
        for (JsonNode line : firstInvoice.get("lines")) {
            expected.add(prefix
                    + "%s,%s,%d,%d"
                            .formatted(
                                    line.get("line_id").asText(),
                                    line.get("campaign_id").asText(),
                                    line.get("billable_clicks").asLong(),
                                    line.get("spend_micros").asLong()));
        }
        expected.add(prefix
                + "TOTAL,,%d,%d".formatted(sum(firstInvoice, "billable_clicks"), sum(firstInvoice, "spend_micros")));
        assertThat(rows.subList(1, rows.size())).isEqualTo(expected);
    }

    @Test
    @Order(5)
    void anInvoiceLineLeadsToItsPartitionsJobRunsRawSnapshotsAndRemovals() {
        JsonNode line = busiestLine(firstInvoice);
        String campaign = line.get("campaign_id").asText();
        Answer answer = router.get("/v1/audit/lines/" + line.get("line_id").asText(), "dev-auditor");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode lineage = answer.json();
        assertThat(lineage.get("truth_snapshot_id").asLong())
                .isEqualTo(firstInvoice.get("truth_snapshot_id").asLong());
        assertThat(lineage.get("billable_clicks").asLong())
                .isEqualTo(line.get("billable_clicks").asLong());
        assertThat(lineage.get("partitions"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("day").asText()).isEqualTo(day.toString()));
        assertThat(lineage.get("job_runs")).isNotEmpty().allSatisfy(run -> {
            assertThat(run.get("job").asText()).isEqualTo("daily");
            assertThat(run.get("status").asText()).isEqualTo("succeeded");
            assertThat(run.get("partition_key").asText()).isEqualTo(day.toString());
        });
        assertThat(lineage.get("raw_snapshot_ids")).isNotEmpty();
        try (ArchiveReader archive = stack.archive()) {
            List<Record> rows = daily(
                    archive,
                    Expressions.and(
                            Expressions.equal("advertiser_id", adv), Expressions.equal("campaign_id", campaign)));
            JsonNode removed = lineage.get("removed");
            assertThat(removed.get("duplicate_events").asLong()).isEqualTo(total(rows, "duplicate_events_removed"));
            assertThat(removed.get("double_clicks").asLong()).isEqualTo(total(rows, "double_clicks_removed"));
            assertThat(removed.get("duplicates").asLong()).isEqualTo(total(rows, "duplicates_removed"));
            assertThat(removed.get("fraud").asLong()).isEqualTo(total(rows, "fraud_removed"));
            Map<String, Long> byRule = new TreeMap<>();
            for (Record row : rows) {
                @SuppressWarnings("unchecked")
                Map<String, Long> rules = (Map<String, Long>) row.getField("fraud_removed_by_rule");
                rules.forEach((rule, n) -> byRule.merge(rule, n, Long::sum));
            }
            Map<String, Long> actualByRule = new TreeMap<>();
            lineage.get("fraud_removed_by_rule")
                    .fields()
                    .forEachRemaining(
                            e -> actualByRule.put(e.getKey(), e.getValue().asLong()));
            assertThat(actualByRule).isEqualTo(byRule);
        }
    }

    @Test
    @Order(6)
    void anInvoiceLinesEventsPageThroughTheClickDecisions() {
        JsonNode line = busiestLine(firstInvoice);
        String path = "/v1/audit/lines/" + line.get("line_id").asText() + "/events";
        Answer billable = router.get(path + "?status=billable&limit=1000", "dev-adv-" + adv);
        assertThat(billable.status()).as(billable.body()).isEqualTo(200);
        JsonNode events = billable.json().get("events");
        assertThat(events).hasSize((int) line.get("billable_clicks").asLong());
        assertThat(events)
                .allSatisfy(e -> assertThat(e.get("decision").asText()).isEqualTo("billable"));
        assertThat(sumOf(events, "spend_micros"))
                .isEqualTo(line.get("spend_micros").asLong());

        JsonNode all = router.get(path + "?limit=1000", "dev-auditor").json().get("events");
        assertThat(all.size()).isGreaterThanOrEqualTo(events.size());
        JsonNode page1 =
                router.get(path + "?limit=2&offset=0", "dev-auditor").json().get("events");
        JsonNode page2 =
                router.get(path + "?limit=2&offset=2", "dev-auditor").json().get("events");
        if (all.size() >= 4) {
            assertThat(page1.get(0).get("event_id")).isEqualTo(all.get(0).get("event_id"));
            assertThat(page2.get(0).get("event_id")).isEqualTo(all.get(2).get("event_id"));
        }
        for (String status : List.of("duplicate", "fraud")) {
            JsonNode filtered = router.get(path + "?status=" + status + "&limit=1000", "dev-auditor")
                    .json()
                    .get("events");
            assertThat(filtered)
                    .allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo(status));
        }
    }

    @Test
    @Order(7)
    void anEventLeadsToItsRawRecordDecisionAndDataFile() {
        JsonNode line = busiestLine(firstInvoice);
        JsonNode clicks = router.get(
                        "/v1/audit/lines/" + line.get("line_id").asText() + "/events?limit=1000", "dev-auditor")
                .json()
                .get("events");
        JsonNode billableClick = first(clicks, "billable");
        Answer answer = router.get(
                "/v1/audit/events/"
                        + RouterClient.enc(billableClick.get("event_id").asText()),
                "dev-adv-" + adv);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode event = answer.json();
        assertThat(event.get("event").get("event_type").asText()).isEqualTo("click");
        assertThat(event.get("decision").get("status").asText()).isEqualTo("billable");
        assertThat(event.get("stored_in").get(0).asText()).startsWith("s3://").endsWith(".parquet");
        assertThat(event.has("truth_snapshot_id") && event.has("complete_through"))
                .isTrue();

        Optional<JsonNode> duplicate = optionalFirst(clicks, "duplicate");
        assertThat(duplicate).as("a duplicate click among the line's events").isPresent();
        JsonNode dup = router.get(
                        "/v1/audit/events/"
                                + RouterClient.enc(
                                        duplicate.get().get("event_id").asText()),
                        "dev-auditor")
                .json();
        assertThat(dup.get("decisions")).anySatisfy(d -> {
            assertThat(d.get("status").asText()).isEqualTo("duplicate");
            assertThat(d.get("duplicate_of").asText()).isNotBlank();
        });
        if (duplicate.get().get("decision").asText().equals("duplicate_impression")) {
            assertThat(dup.get("decision").get("status").asText()).isEqualTo("duplicate");
        } else {
            assertThat(dup.get("decision").get("duplicate_copies").asLong()).isPositive();
        }
        String impression;
        try (ArchiveReader archive = stack.archive()) {
            impression = (String) archive.rows(
                            AdclickTables.RAW_EVENTS,
                            Expressions.and(
                                    Expressions.equal("advertiser_id", adv),
                                    Expressions.equal("event_type", "impression")))
                    .get(0)
                    .getField("event_id");
        }
        JsonNode imp = router.get("/v1/audit/events/" + RouterClient.enc(impression), "dev-auditor")
                .json();
        assertThat(imp.get("decision").get("status").asText()).isEqualTo("not_a_click");
        assertThat(router.get("/v1/audit/events/no-such-event", "dev-auditor").status())
                .isEqualTo(404);
    }

    @Test
    @Order(8)
    void everyRoleOnEveryEndpoint() {
        JsonNode line = busiestLine(firstInvoice);
        String lineId = line.get("line_id").asText();
        String eventId = first(
                        router.get("/v1/audit/lines/" + lineId + "/events?limit=1", "dev-auditor")
                                .json()
                                .get("events"),
                        null)
                .get("event_id")
                .asText();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("report", "/v1/reports?mode=billing&advertiser_id=" + adv + range(hour, 1));
        endpoints.put("invoice", "/v1/invoices?advertiser_id=" + adv + "&month=" + month);
        endpoints.put("regenerate", "/v1/invoices?advertiser_id=" + adv + "&month=" + month + "&regenerate=true");
        endpoints.put("line", "/v1/audit/lines/" + lineId);
        endpoints.put("line events", "/v1/audit/lines/" + lineId + "/events");
        endpoints.put("event", "/v1/audit/events/" + RouterClient.enc(eventId));
        // expected status per key, in the order of the endpoints above
        Map<String, List<Integer>> matrix = new LinkedHashMap<>();
        matrix.put("dev-adv-" + adv, List.of(200, 200, 403, 200, 200, 200));
        matrix.put("dev-adv-" + other, List.of(403, 403, 403, 403, 403, 403));
        matrix.put("dev-finance", List.of(200, 200, 200, 200, 200, 200));
        matrix.put("dev-auditor", List.of(200, 200, 403, 200, 200, 200));
        matrix.put("dev-engineer", List.of(200, 403, 403, 200, 200, 200));
        matrix.put("no-such-key", List.of(401, 401, 401, 401, 401, 401));
        matrix.put(null, List.of(401, 401, 401, 401, 401, 401));
        List<String> paths = new ArrayList<>(endpoints.values());
        List<String> names = new ArrayList<>(endpoints.keySet());
        matrix.forEach((key, statuses) -> {
            for (int i = 0; i < paths.size(); i++) {
                Answer answer = router.get(paths.get(i), key);
                assertThat(answer.status())
                        .as("%s with key %s: %s", names.get(i), key, answer.body())
                        .isEqualTo(statuses.get(i));
                if (answer.status() != 200) {
                    assertThat(answer.json().get("code").asText()).isNotBlank();
                    assertThat(answer.json().get("error").asText()).isNotBlank();
                }
            }
        });
        assertThat(router.get("/v1/invoices?advertiser_id=" + adv + "&month=" + month, "dev-finance")
                        .body())
                .as("the regenerate call above found truth unchanged: still version 1")
                .contains("\"version\":1");
    }

    @Test
    @Order(9)
    void anAdvertiserKeySeesOnlyItsOwnRowsWhateverTheParameters() {
        String key = "dev-adv-" + other;
        JsonNode own = router.get("/v1/reports?mode=billing&group_by=campaign_id" + range(hour, 1), key)
                .json();
        Set<String> ownCampaigns = catalog.campaigns().stream()
                .filter(c -> c.advertiserId().equals(other))
                .map(Campaign::id)
                .collect(Collectors.toSet());
        assertThat(own.get("rows")).allSatisfy(row -> assertThat(ownCampaigns)
                .contains(row.get("campaign_id").asText()));
        String advCampaigns = catalog.campaigns().stream()
                .filter(c -> c.advertiserId().equals(adv))
                .map(Campaign::id)
                .collect(Collectors.joining(","));
        JsonNode asked = router.get(
                        "/v1/reports?mode=billing&group_by=campaign_id&campaign_id=" + advCampaigns + range(hour, 1),
                        key)
                .json();
        assertThat(asked.get("rows")).as("another advertiser's campaigns by id").isEmpty();
        for (String attempt : List.of(
                "&advertiser_id=" + adv,
                "&advertiser_id=" + other + "&advertiser_id=" + adv,
                "&advertiser_id=" + RouterClient.enc(other + "," + adv))) {
            Answer answer = router.get("/v1/reports?mode=billing" + attempt + range(hour, 1), key);
            assertThat(answer.status()).as(attempt + ": " + answer.body()).isIn(400, 403);
        }
    }

    @Test
    @Order(10)
    void injectionAttemptsInEveryParameterAreRefusedAndChangeNothing() {
        long invoiceRows = invoiceRowCount();
        List<String> templates = List.of(
                "/v1/reports?mode=%s" + range(hour, 1),
                "/v1/reports?mode=billing&advertiser_id=%s" + range(hour, 1),
                "/v1/reports?mode=billing&campaign_id=%s" + range(hour, 1),
                "/v1/reports?mode=billing&from=%s&to=" + hour.plus(1, ChronoUnit.HOURS),
                "/v1/reports?mode=billing&from=" + hour + "&to=%s",
                "/v1/reports?mode=billing&granularity=%s" + range(hour, 1),
                "/v1/reports?mode=billing&group_by=%s" + range(hour, 1),
                "/v1/reports?mode=billing&country=%s" + range(hour, 1),
                "/v1/reports?mode=billing&device=%s" + range(hour, 1),
                "/v1/reports?mode=billing&publisher_id=%s" + range(hour, 1),
                "/v1/invoices?advertiser_id=%s&month=" + month,
                "/v1/invoices?advertiser_id=" + adv + "&month=%s",
                "/v1/invoices?advertiser_id=" + adv + "&month=" + month + "&format=%s",
                "/v1/invoices?advertiser_id=" + adv + "&month=" + month + "&version=%s",
                "/v1/invoices?advertiser_id=" + adv + "&month=" + month + "&regenerate=%s",
                "/v1/audit/lines/%s",
                "/v1/audit/lines/%s/events",
                "/v1/audit/lines/" + busiestLine(firstInvoice).get("line_id").asText() + "/events?status=%s",
                "/v1/audit/lines/" + busiestLine(firstInvoice).get("line_id").asText() + "/events?limit=%s",
                "/v1/audit/lines/" + busiestLine(firstInvoice).get("line_id").asText() + "/events?offset=%s",
                "/v1/audit/events/%s");
        for (String template : templates) {
            for (String evil : INJECTIONS) {
                Answer answer = router.get(template.formatted(RouterClient.enc(evil)), "dev-finance");
                assertThat(answer.status())
                        .as("%s with %s: %s", template, evil, answer.body())
                        .isEqualTo(400);
                assertThat(answer.json().get("code").asText()).isEqualTo("bad_parameter");
            }
        }
        assertThat(invoiceRowCount()).isEqualTo(invoiceRows);
        assertThat(router.get("/v1/invoices?advertiser_id=" + adv + "&month=" + month, "dev-finance")
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(11)
    void metricsReportTruthAsTheApiAndJobRunsHoldIt() {
        Answer report = router.get("/v1/reports?mode=billing&granularity=hour" + range(hour, 1), "dev-finance");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        Instant completeThrough =
                Instant.parse(report.json().get("complete_through").asText());
        Record run;
        long failedThisWeek;
        try (ArchiveReader archive = stack.archive()) {
            run = archive
                    .rows(
                            AdclickTables.JOB_RUNS,
                            Expressions.and(
                                    Expressions.equal("job", "daily"), Expressions.equal("status", "succeeded")))
                    .stream()
                    .max(Comparator.comparing(r -> (OffsetDateTime) r.getField("ended_at")))
                    .orElseThrow();
            failedThisWeek = archive.rows(
                            AdclickTables.JOB_RUNS,
                            Expressions.and(
                                    Expressions.equal("job", "daily"),
                                    Expressions.equal("status", "failed"),
                                    Expressions.greaterThanOrEqual(
                                            "started_at", micros(Instant.now().minus(Duration.ofDays(7))))))
                    .size();
        }
        assertThat(run.getField("partition_key")).isEqualTo(day.toString());
        Instant started = ((OffsetDateTime) run.getField("started_at")).toInstant();
        Instant ended = ((OffsetDateTime) run.getField("ended_at")).toInstant();
        long removed = (Long) run.getField("duplicates_removed")
                + (Long) run.getField("expired_removed")
                + (Long) run.getField("no_impression_removed")
                + (Long) run.getField("fraud_removed");

        Awaitility.await("the router's pipeline gauges after the daily run")
                .atMost(PIPELINE_REFRESH_WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    PrometheusText metrics =
                            PrometheusText.parse(router.get("/metrics", null).body());
                    assertThat(metrics.series("adclick_pipeline_source_up{source=\"trino\"}"))
                            .hasValue(1.0);
                    assertThat(metrics.series("adclick_truth_complete_through_seconds"))
                            .hasValue((double) completeThrough.getEpochSecond());
                    assertThat(metrics.series("adclick_truth_last_run_end_seconds{truth_job=\"daily\"}"))
                            .get()
                            .satisfies(v -> assertThat(v).isCloseTo(ended.toEpochMilli() / 1000.0, within(0.002)));
                    assertThat(metrics.series("adclick_truth_last_run_duration_seconds{truth_job=\"daily\"}"))
                            .get()
                            .satisfies(v -> assertThat(v)
                                    .isCloseTo(Duration.between(started, ended).toMillis() / 1000.0, within(0.003)));
                    assertThat(metrics.series("adclick_truth_last_run_rows{kind=\"in\",truth_job=\"daily\"}"))
                            .hasValue(((Long) run.getField("rows_in")).doubleValue());
                    assertThat(metrics.series("adclick_truth_last_run_rows{kind=\"out\",truth_job=\"daily\"}"))
                            .hasValue(((Long) run.getField("rows_out")).doubleValue());
                    assertThat(metrics.series("adclick_truth_last_run_rows{kind=\"removed\",truth_job=\"daily\"}"))
                            .hasValue((double) removed);
                    assertThat(metrics.series("adclick_truth_failed_runs{truth_job=\"daily\"}"))
                            .hasValue((double) failedThisWeek);
                });
        assertThat((Long) run.getField("rows_in"))
                .as("raw rows of the daily run")
                .isPositive();
        assertThat(removed).as("the adversarial traffic's removed clicks").isPositive();
    }

    @Test
    @Order(100)
    void afterABackfillTheSameInvoiceIsReturnedAndARegeneratedOneIsANewLinkedVersion() throws Exception {
        long snapshotBefore = firstInvoice.get("truth_snapshot_id").asLong();
        List<GroundTruthRecord> late = sendLateClicks();
        Set<String> lateIds = acknowledged(late);
        try (ArchiveReader archive = stack.archive()) {
            awaitArchived(archive, lateIds);
        }
        runDay();

        Answer unchanged = router.get("/v1/invoices?month=" + month, "dev-adv-" + adv);
        // complete_through says how far truth is complete now: the recompute may move it past an hour boundary
        assertThat(invoiceOnly(unchanged.json()))
                .as("the stored invoice, not silently changed")
                .isEqualTo(invoiceOnly(firstInvoice));
        assertThat(Instant.parse(unchanged.json().get("complete_through").asText()))
                .isAfterOrEqualTo(
                        Instant.parse(firstInvoice.get("complete_through").asText()));

        Answer regenerated =
                router.get("/v1/invoices?advertiser_id=" + adv + "&month=" + month + "&regenerate=true", "dev-finance");
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        JsonNode v2 = regenerated.json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("supersedes").asText())
                .isEqualTo(firstInvoice.get("invoice_id").asText());
        assertThat(v2.get("truth_snapshot_id").asLong()).isNotEqualTo(snapshotBefore);
        long lateClicks = late.stream()
                .filter(r -> r.kind().equals("click") && r.acknowledged())
                .map(GroundTruthRecord::eventId)
                .distinct()
                .count();
        assertThat(v2.get("totals").get("billable_clicks").asLong()
                        - firstInvoice.get("totals").get("billable_clicks").asLong())
                .as("late clicks billed by the new version")
                .isEqualTo(lateClicks)
                .isPositive();
        try (ArchiveReader archive = stack.archive()) {
            assertThat(lines(v2)).isEqualTo(invoiceLines(daily(archive, Expressions.equal("advertiser_id", adv))));
            assertThat(lines(firstInvoice))
                    .as("version 1 equals billing_daily as of its snapshot (time travel)")
                    .isEqualTo(invoiceLines(archive.rowsAt(
                            AdclickTables.BILLING_DAILY,
                            snapshotBefore,
                            Expressions.and(
                                    Expressions.equal("day", day.toString()),
                                    Expressions.equal("advertiser_id", adv)))));
        }

        assertThat(invoiceOnly(router.get("/v1/invoices?month=" + month, "dev-adv-" + adv)
                        .json()))
                .as("the latest version now")
                .isEqualTo(invoiceOnly(v2));
        JsonNode v1Again = router.get("/v1/invoices?month=" + month + "&version=1", "dev-adv-" + adv)
                .json();
        assertThat(v1Again.get("superseded_by").asText())
                .isEqualTo(v2.get("invoice_id").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) v1Again).putNull("superseded_by");
        assertThat(v1Again).as("version 1, asked again after the backfill").isEqualTo(firstInvoice);
        Answer v1Csv = router.get("/v1/invoices?format=csv&month=" + month + "&version=1", "dev-adv-" + adv);
        assertThat(v1Csv.body()).contains(firstInvoice.get("invoice_id").asText() + ",1,");
    }

    // --- the dataset

    private static Instant hourWithRoomForTraffic() {
        Instant now = Instant.now();
        Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        if (Duration.between(now, next).compareTo(Duration.ofMinutes(2)) < 0) {
            Awaitility.await("the next hour")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> !Instant.now().isBefore(next));
            return next;
        }
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    private List<GroundTruthRecord> sendTraffic(Path truthFile) throws Exception {
        try (GroundTruthWriter truth = new GroundTruthWriter(truthFile)) {
            new TrafficEngine(
                            new EdgeClient(stack.edge().baseUrl()),
                            new ScenarioPlanner(adServer),
                            ADVERSARIAL,
                            new TrafficEngine.Settings(RATE, 8, SEED),
                            Optional.of(truth))
                    .run(TRAFFIC, stats -> {});
        }
        List<GroundTruthRecord> records = new ArrayList<>();
        for (String line : Files.readAllLines(truthFile)) {
            records.add(JsonWire.mapper().readValue(line, GroundTruthRecord.class));
        }
        return records;
    }

    /** Late clicks (with their impressions) on the chosen advertiser's campaigns, inside the day. */
    private List<GroundTruthRecord> sendLateClicks() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Instant happened = hour.plusSeconds(90);
        List<Campaign> campaigns = catalog.campaigns().stream()
                .filter(c -> c.advertiserId().equals(adv))
                .toList();
        List<SdkEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            AdServe serve = adServer.serve(campaigns.get(i % campaigns.size()), random, happened.minusSeconds(60));
            var visitor = Visitors.human(random);
            events.add(
                    new SdkEvent("router-late-imp-%02d".formatted(i), EventType.IMPRESSION, happened, serve, visitor));
            events.add(new SdkEvent(
                    "router-late-clk-%02d".formatted(i), EventType.CLICK, happened.plusSeconds(20), serve, visitor));
        }
        EdgeRequest.SdkBatch batch = new EdgeRequest.SdkBatch(Scenario.LATE_EVENTS, events);
        Instant sentAt = Instant.now();
        EdgeResponse response = stack.client().send(batch);
        assertThat(response.status()).as("late batch answer").isEqualTo(200);
        List<GroundTruthRecord> records = GroundTruthRecord.of(batch, response, sentAt);
        assertThat(records).allMatch(GroundTruthRecord::acknowledged);
        return records;
    }

    private static Set<String> acknowledged(List<GroundTruthRecord> sent) {
        return sent.stream()
                .filter(r -> r.acknowledged() && r.eventId() != null)
                .map(GroundTruthRecord::eventId)
                .collect(Collectors.toSet());
    }

    private static void awaitArchived(ArchiveReader archive, Set<String> eventIds) {
        Awaitility.await("every acknowledged event in raw_events")
                .atMost(ARCHIVE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        archive.rows(AdclickTables.RAW_EVENTS, Expressions.in("event_id", eventIds.toArray())).stream()
                                .map(r -> (String) r.getField("event_id"))
                                .collect(Collectors.toSet())
                                .containsAll(eventIds));
    }

    private void runDay() {
        Path log = stack.config().logFile("truth");
        int exitCode =
                new TruthJobRunner(stack.config()).runLogged(TruthJobRunner.day(day.toString()), log, JOB_TIMEOUT);
        assertThat(exitCode)
                .as(
                        "exit code of day --day %s; its log ends:%n%s",
                        day, String.join("\n", io.adclick.infra.process.ChildProcess.tail(log, 30)))
                .isZero();
    }

    // --- expected figures, from Iceberg directly

    private List<Record> daily(ArchiveReader archive, Expression filter) {
        return archive.rows(
                AdclickTables.BILLING_DAILY,
                Expressions.and(
                        Expressions.equal("day", day.toString()),
                        Expressions.and(Expressions.startsWith("advertiser_id", NAMESPACE), filter)));
    }

    private long invoiceRowCount() {
        try (ArchiveReader archive = stack.archive()) {
            Table invoices = archive.table(AdclickTables.INVOICES);
            return invoices.currentSnapshot() == null
                    ? 0
                    : Long.parseLong(invoices.currentSnapshot().summary().getOrDefault("total-records", "0"));
        }
    }

    /** campaign → [impressions, clicks, billable_clicks, spend_micros]. */
    private static Map<String, List<Long>> measuresByCampaign(List<Record> rows) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (Record r : rows) {
            out.merge(
                    (String) r.getField("campaign_id"),
                    List.of(
                            (Long) r.getField("impressions"),
                            (Long) r.getField("clicks"),
                            (Long) r.getField("billable_clicks"),
                            (Long) r.getField("spend_micros")),
                    QueryRouterIT::add);
        }
        return out;
    }

    private static List<Long> add(List<Long> a, List<Long> b) {
        List<Long> sum = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i) + b.get(i));
        }
        return sum;
    }

    private static List<Long> measures(JsonNode row) {
        return List.of(
                row.get("impressions").asLong(),
                row.get("clicks").asLong(),
                row.get("billable_clicks").asLong(),
                row.get("spend_micros").asLong());
    }

    /** campaign → [billable_clicks, spend_micros] as in an invoice. */
    private static Map<String, List<Long>> invoiceLines(List<Record> rows) {
        Map<String, List<Long>> out = new TreeMap<>();
        measuresByCampaign(rows).forEach((campaign, m) -> out.put(campaign, List.of(m.get(2), m.get(3))));
        return out;
    }

    private static Map<String, List<Long>> lines(JsonNode invoice) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (JsonNode line : invoice.get("lines")) {
            out.put(
                    line.get("campaign_id").asText(),
                    List.of(
                            line.get("billable_clicks").asLong(),
                            line.get("spend_micros").asLong()));
        }
        return out;
    }

    private static long sum(JsonNode invoice, String field) {
        return sumOf(invoice.get("lines"), field);
    }

    private static long sumOf(JsonNode array, String field) {
        long sum = 0;
        for (JsonNode node : array) {
            sum += node.get(field).asLong();
        }
        return sum;
    }

    private static long total(List<Record> rows, String field) {
        return rows.stream().mapToLong(r -> (Long) r.getField(field)).sum();
    }

    private static JsonNode busiestLine(JsonNode invoice) {
        List<JsonNode> lines = new ArrayList<>();
        invoice.get("lines").forEach(lines::add);
        return lines.stream()
                .max(Comparator.comparingLong(l -> l.get("billable_clicks").asLong()))
                .orElseThrow();
    }

    private static JsonNode first(JsonNode events, String status) {
        return optionalFirst(events, status).orElseThrow(() -> new AssertionError("no event with status " + status));
    }

    private static Optional<JsonNode> optionalFirst(JsonNode events, String status) {
        for (JsonNode event : events) {
            if (status == null || event.get("status").asText().equals(status)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    private static String range(Instant from, int hours) {
        return "&from=" + from + "&to=" + from.plus(hours, ChronoUnit.HOURS);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** An invoice answer without what describes the moment of asking (truth's progress, newer versions). */
    private static JsonNode invoiceOnly(JsonNode answer) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = answer.deepCopy();
        copy.remove("complete_through");
        copy.remove("superseded_by");
        return copy;
    }
}
