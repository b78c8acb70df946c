package io.adclick.router.campaign;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The budgets file engineers load (RFC 4180, read by Commons CSV): a header {@code
 * campaign_id,advertiser_id,daily_budget_micros}, then one campaign per record. A campaign named
 * twice keeps its last record; blank lines are skipped but counted, so that a message names the
 * line an editor shows.
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
        List<CSVRecord> records = records(csv.strip());
        if (!String.join(",", records.get(0).values()).strip().equals(HEADER)) {
            throw ApiException.badRequest("The first line must be the header " + HEADER);
        }
        if (records.size() - 1 > MAX_LINES) {
            throw ApiException.badRequest(
                    "Too many campaigns: %d (at most %d per load)".formatted(records.size() - 1, MAX_LINES));
        }
        Map<String, CampaignBudget> budgets = new LinkedHashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            long line = record.getRecordNumber();
            if (record.size() != 3) {
                throw ApiException.badRequest(
                        "Line %d has %d fields, expected 3 (%s)".formatted(line, record.size(), HEADER));
            }
            String campaign = Parameters.requiredIdentifier(
                    "campaign_id (line %d)".formatted(line), record.get(0).strip());
            String advertiser = Parameters.requiredIdentifier(
                    "advertiser_id (line %d)".formatted(line), record.get(1).strip());
            long budget;
            try {
                budget = Long.parseLong(record.get(2).strip());
            } catch (NumberFormatException e) {
                budget = -1;
            }
            if (budget < 0) {
                throw ApiException.badRequest("Invalid daily_budget_micros \"%s\" on line %d: use a whole number >= 0"
                        .formatted(Parameters.shown(record.get(2)), line));
            }
            budgets.put(campaign, new CampaignBudget(campaign, advertiser, budget));
        }
        if (budgets.isEmpty()) {
            throw ApiException.badRequest("No campaigns after the header");
        }
        return new ArrayList<>(budgets.values());
    }

    /** Every record of {@code csv}, blank lines included (each one record of one empty field). */
    private static List<CSVRecord> records(String csv) {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest(
                    "Invalid CSV: %s (quote a field with \" and double any \" inside it)".formatted(e.getMessage()));
        }
    }
}
