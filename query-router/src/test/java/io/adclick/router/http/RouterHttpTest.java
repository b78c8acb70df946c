package io.adclick.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The router's HTTP surface where no truth is read: authentication (401), scope (403), parameter
 * validation (400), one error body for all, health, metrics and the OpenAPI pages. Trino is not
 * running (the test configuration points at a closed port), so a valid request answers 503.
 */
@MicronautTest(environments = "test")
class RouterHttpTest {
    private static final String RANGE = "&from=2026-11-01T00:00:00Z&to=2026-11-01T03:00:00Z";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Test
    void everyV1CallWithoutAValidKeyIs401() throws Exception {
        for (String path : new String[] {
            "/v1/reports?mode=billing" + RANGE,
            "/v1/invoices?advertiser_id=acme&month=2026-11",
            "/v1/audit/lines/INV-202611-0123456789-v1-L001",
            "/v1/audit/lines/INV-202611-0123456789-v1-L001/events",
            "/v1/audit/events/imp:abc",
            "/v1/pacing?advertiser_id=acme&date=2026-11-01",
            "/v1/reconciliation?from=2026-11-01T00:00:00Z&to=2026-11-01T03:00:00Z"
        }) {
            for (String key : new String[] {null, "nope", "dev-adv-", "Basic x"}) {
                HttpResponse<String> response = get(path, key);
                assertThat(response.statusCode())
                        .as("%s with key %s", path, key)
                        .isEqualTo(401);
                assertError(response, "unauthorized");
            }
        }
    }

    @Test
    void anAdvertiserKeyAskingForAnotherAdvertiserIs403() throws Exception {
        assertStatus(get("/v1/reports?mode=billing&advertiser_id=globex" + RANGE, "dev-adv-acme"), 403, "forbidden");
        assertStatus(get("/v1/invoices?advertiser_id=globex&month=2026-11", "dev-adv-acme"), 403, "forbidden");
        assertStatus(
                get("/v1/reports?advertiser_id=globex&granularity=minute" + RANGE, "dev-adv-acme"), 403, "forbidden");
        assertStatus(get("/v1/pacing?advertiser_id=globex&date=2026-11-01", "dev-adv-acme"), 403, "forbidden");
        assertStatus(get("/v1/reconciliation?advertiser_id=globex" + RANGE, "dev-adv-acme"), 403, "forbidden");
    }

    @Test
    void onlyEngineersLoadCampaignBudgets() throws Exception {
        for (String key : new String[] {"dev-adv-acme", "dev-finance", "dev-auditor"}) {
            assertStatus(
                    postCsv("/v1/campaigns", key, "campaign_id,advertiser_id,daily_budget_micros\nc1,acme,5\n"),
                    403,
                    "forbidden");
        }
        assertStatus(postCsv("/v1/campaigns", "dev-engineer", "campaign_id,budget\nc1,5\n"), 400, "bad_parameter");
    }

    @Test
    void dashboardModeWithoutPinotOrTrinoIs503WithRetryAfter() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/v1/reports?granularity=minute" + RANGE, "dev-adv-acme");
        assertStatus(response, 503, "estimates_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("Pinot");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds to answer").isLessThan(15);
    }

    @Test
    void rolesOutsideTheirScopeAre403() throws Exception {
        assertStatus(get("/v1/invoices?advertiser_id=acme&month=2026-11", "dev-engineer"), 403, "forbidden");
        assertStatus(
                get("/v1/invoices?advertiser_id=acme&month=2026-11&regenerate=true", "dev-auditor"), 403, "forbidden");
        assertStatus(get("/v1/invoices?month=2026-11&regenerate=true", "dev-adv-acme"), 403, "forbidden");
    }

    @Test
    void badParametersAre400WithAClearMessage() throws Exception {
        HttpResponse<String> response = get("/v1/reports?mode=billing&granularity=week" + RANGE, "dev-finance");
        assertStatus(response, 400, "bad_parameter");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("granularity");
        assertStatus(get("/v1/invoices?advertiser_id=acme&month=2026-13", "dev-finance"), 400, "bad_parameter");
        assertStatus(get("/v1/invoices?month=2026-11", "dev-finance"), 400, "bad_parameter");
        assertStatus(
                get("/v1/invoices?advertiser_id=acme&month=2026-11&format=xml", "dev-finance"), 400, "bad_parameter");
        assertStatus(get("/v1/audit/lines/L1/events?status=all", "dev-auditor"), 400, "bad_parameter");
        assertStatus(get("/v1/pacing?advertiser_id=acme&date=2026-13-01", "dev-finance"), 400, "bad_parameter");
        assertStatus(get("/v1/pacing?date=2026-11-01", "dev-finance"), 400, "bad_parameter");
        assertStatus(get("/v1/pacing?advertiser_id=acme", "dev-finance"), 400, "bad_parameter");
        assertStatus(
                get("/v1/reconciliation?from=2026-11-01T00:30:00Z&to=2026-11-01T03:00:00Z", "dev-auditor"),
                400,
                "bad_parameter");
        assertStatus(
                get("/v1/reports?granularity=minute&from=2026-11-01T00:00:00Z&to=2026-11-09T00:00:00Z", "dev-finance"),
                400,
                "bad_parameter");
        assertStatus(get("/v1/audit/lines/L1/events?limit=0", "dev-auditor"), 400, "bad_parameter");
        assertStatus(get("/v1/audit/lines/" + enc("a b") + "", "dev-auditor"), 400, "bad_parameter");
        assertStatus(get("/v1/audit/events/" + enc("x' OR '1'='1"), "dev-auditor"), 400, "bad_parameter");
        assertStatus(
                get("/v1/reports?mode=billing&advertiser_id=" + enc("a' OR 1=1 --") + RANGE, "dev-finance"),
                400,
                "bad_parameter");
    }

    @Test
    void aValidRequestWithoutTrinoIs503ThatSaysWhatToDo() throws Exception {
        HttpResponse<String> response = get("/v1/reports?mode=billing&advertiser_id=acme" + RANGE, "dev-adv-acme");
        assertStatus(response, 503, "truth_unavailable");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("Trino");
    }

    @Test
    void withTrinoAndPinotAwayThePipelineGaugesSaySoAndReadNaN() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        get("/metrics", null).body())
                .contains(
                        "adclick_pipeline_source_up{source=\"trino\"} 0.0",
                        "adclick_pipeline_source_up{source=\"pinot\"} 0.0",
                        "adclick_truth_complete_through_seconds NaN",
                        "adclick_truth_lag_seconds NaN",
                        "adclick_reconciliation_alerts NaN",
                        "adclick_estimates_newest_minute_age_seconds NaN",
                        "adclick_estimates_last_revision_age_seconds NaN"));
    }

    @Test
    void unknownPathsGetTheSameErrorBody() throws Exception {
        assertStatus(get("/v1/nothing", "dev-finance"), 404, "not_found");
    }

    @Test
    void healthMetricsAndTheOpenApiDocument() throws Exception {
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> spec = get("/swagger/adclick-query-router-0.1.0.yml", null);
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body())
                .contains(
                        "/v1/reports",
                        "/v1/pacing",
                        "/v1/reconciliation",
                        "/v1/campaigns",
                        "/v1/invoices",
                        "/v1/audit/lines/{lineId}",
                        "/v1/audit/events/{eventId}");
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
        assertThat(get("/redoc/index.html", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (key != null) {
            request.header("Authorization", key.startsWith("Basic") ? key : "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postCsv(String path, String key, String csv) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertStatus(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode())
                .as("%s: %s", response.uri(), response.body())
                .isEqualTo(status);
        assertError(response, code);
    }

    private static void assertError(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("error").asText()).isNotBlank();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
