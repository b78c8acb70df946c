package io.adclick.infra.it;

import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.it.CampaignMinuteTotals.Totals;
import io.adclick.infra.pinot.MinuteTotals;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Pinot's answers in the shape of {@link CampaignMinuteTotals}, to compare with the expected estimates. */
final class PinotTotals {
    private PinotTotals() {}

    static Map<CampaignMinute, Totals> of(Collection<MinuteTotals> rows) {
        Map<CampaignMinute, Totals> totals = new TreeMap<>();
        for (MinuteTotals row : rows) {
            Totals previous = totals.put(
                    new CampaignMinute(row.campaignId(), row.minute()),
                    new Totals(row.impressions(), row.clicks(), row.billableClicks(), row.spendMicros()));
            if (previous != null) {
                throw new AssertionError("Pinot returned campaign-minute %s twice".formatted(row));
            }
        }
        return totals;
    }

    static Map<CampaignMinute, Long> users(Collection<MinuteTotals> rows) {
        Map<CampaignMinute, Long> users = new TreeMap<>();
        rows.forEach(row -> users.put(new CampaignMinute(row.campaignId(), row.minute()), row.uniqueUsers()));
        return users;
    }
}
