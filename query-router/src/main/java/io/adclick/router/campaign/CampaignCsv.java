package io.adclick.router.campaign;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budgets file engineers load: a header {@code campaign_id,advertiser_id,daily_budget_micros},
 * then one campaign per line. A campaign named twice keeps its last line.
 */
public final class CampaignCsv {
    public static final String HEADER = "campaign_id,advertiser_id,daily_budget_micros";
    /** The most campaigns one load may carry. */
    public static final int MAX_LINES = 10_000;

    private CampaignCsv() {}

    /** The budgets of {@code csv}; a 400 naming the line for anything malformed. */
    public static List<CampaignBudget> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.badRequest("Empty body: send CSV with the header " + HEADER);
        }
        String[] lines = csv.strip().split("\r?\n");
        if (!lines[0].strip().equals(HEADER)) {
            throw ApiException.badRequest("The first line must be the header " + HEADER);
        }
        if (lines.length - 1 > MAX_LINES) {
            throw ApiException.badRequest(
                    "Too many campaigns: %d (at most %d per load)".formatted(lines.length - 1, MAX_LINES));
        }
        Map<String, CampaignBudget> budgets = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            if (fields.length != 3) {
                throw ApiException.badRequest(
                        "Line %d has %d fields, expected 3 (%s)".formatted(i + 1, fields.length, HEADER));
            }
            String campaign =
                    Parameters.requiredIdentifier("campaign_id (line %d)".formatted(i + 1), fields[0].strip());
            String advertiser =
                    Parameters.requiredIdentifier("advertiser_id (line %d)".formatted(i + 1), fields[1].strip());
            long budget;
            try {
                budget = Long.parseLong(fields[2].strip());
            } catch (NumberFormatException e) {
                budget = -1;
            }
            if (budget < 0) {
                throw ApiException.badRequest("Invalid daily_budget_micros \"%s\" on line %d: use a whole number >= 0"
                        .formatted(Parameters.shown(fields[2]), i + 1));
            }
            budgets.put(campaign, new CampaignBudget(campaign, advertiser, budget));
        }
        if (budgets.isEmpty()) {
            throw ApiException.badRequest("No campaigns after the header");
        }
        return new ArrayList<>(budgets.values());
    }
}
