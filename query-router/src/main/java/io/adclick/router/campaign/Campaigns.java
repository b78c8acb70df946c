package io.adclick.router.campaign;

import static java.util.Objects.requireNonNull;

import io.adclick.router.trino.Sql;
import io.adclick.router.trino.TruthDatabase;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code adclick.campaigns} through Trino: budgets are appended (the catalog server creates the
 * table), and a campaign's budget is the one of its latest {@code updated_at}.
 */
@Singleton
public final class Campaigns {
    private static final int ROWS_PER_INSERT = 500;

    private final TruthDatabase database;

    public Campaigns(TruthDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** The current daily budget of every campaign of {@code advertiserId}, by campaign id. */
    public Map<String, Long> budgets(String advertiserId) {
        requireNonNull(advertiserId, "advertiserId is null");
        Map<String, Long> budgets = new LinkedHashMap<>();
        try {
            database.query(
                            new Sql(
                                    "SELECT campaign_id, max_by(daily_budget_micros, updated_at) FROM campaigns"
                                            + " WHERE advertiser_id = ? GROUP BY campaign_id ORDER BY campaign_id",
                                    List.of(advertiserId)),
                            row -> Map.entry(row.getString(1), row.getLong(2)))
                    .forEach(e -> budgets.put(e.getKey(), e.getValue()));
        } catch (TruthDatabase.MissingTableException e) {
            return Map.of();
        }
        return budgets;
    }

    /** Appends {@code budgets}, all stamped with the same {@code updated_at}; returns how many. */
    public int load(List<CampaignBudget> budgets) {
        for (int from = 0; from < budgets.size(); from += ROWS_PER_INSERT) {
            List<CampaignBudget> part = budgets.subList(from, Math.min(budgets.size(), from + ROWS_PER_INSERT));
            List<Object> parameters = new ArrayList<>();
            for (CampaignBudget budget : part) {
                parameters.add(budget.campaignId());
                parameters.add(budget.advertiserId());
                parameters.add(budget.dailyBudgetMicros());
            }
            database.execute(new Sql(
                    "INSERT INTO campaigns (campaign_id, advertiser_id, daily_budget_micros, updated_at) VALUES "
                            + String.join(
                                    ", ",
                                    Collections.nCopies(
                                            part.size(), "(?, ?, CAST(? AS bigint), current_timestamp(6))")),
                    parameters));
        }
        return budgets.size();
    }
}
