package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Writes a synthetic catalog's campaigns and daily budgets into {@code adclick.campaigns} through
 * the query router's engineer endpoint ({@code POST /v1/campaigns}, CSV), so that pacing has
 * budgets for the generated traffic.
 */
public final class CampaignSeeder {
    /** The embedded stack's development engineer key. */
    public static final String DEV_ENGINEER_KEY = "dev-engineer";

    private final URI routerUrl;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public CampaignSeeder(URI routerUrl, String apiKey) {
        this.routerUrl = requireNonNull(routerUrl, "routerUrl is null");
        this.apiKey = requireNonNull(apiKey, "apiKey is null");
    }

    /** The CSV the router loads: a header, then one line per campaign. */
    public static String csv(AdCatalog catalog) {
        StringBuilder csv = new StringBuilder("campaign_id,advertiser_id,daily_budget_micros\n");
        for (Campaign campaign : catalog.campaigns()) {
            csv.append(campaign.id())
                    .append(',')
                    .append(campaign.advertiserId())
                    .append(',')
                    .append(campaign.dailyBudgetMicros())
                    .append('\n');
        }
        return csv.toString();
    }

    /**
     * Loads the budgets of {@code catalog}.
     *
     * @throws IllegalStateException when the router refuses them or cannot be reached
     */
    public void seed(AdCatalog catalog) {
        load(csv(catalog));
    }

    /**
     * Loads budgets from {@code csv} (header {@code campaign_id,advertiser_id,daily_budget_micros});
     * the router's answer, e.g. {@code {"loaded":20}}.
     *
     * @throws IllegalStateException when the router refuses them (naming the bad line) or cannot be reached
     */
    public String load(String csv) {
        requireNonNull(csv, "csv is null");
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(routerUrl.resolve("/v1/campaigns"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Authorization", "Bearer " + apiKey)
                            .header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(csv))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The query router at %s did not take the campaign budgets: %s".formatted(routerUrl, e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the campaign budgets", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The query router answered HTTP %d to the campaign budgets: %s"
                    .formatted(response.statusCode(), response.body()));
        }
        return response.body();
    }
}
