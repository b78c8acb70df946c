package io.adclick.infra.it;

import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.it.CampaignMinuteTotals.Totals;
import io.adclick.infra.pinot.MinuteTotals;
import io.adclick.schemas.rollup.MinuteRollup;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;
import org.apache.datasketches.theta.Union;

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
        rows.forEach(row -> users.put(
                new CampaignMinute(row.campaignId(), row.minute()),
                row.uniqueUsers().orElseThrow()));
        return users;
    }

    /**
     * The unique users of each campaign-minute as DataSketches itself merges the rollups' Theta
     * sketches (what Pinot's {@code DISTINCTCOUNTTHETASKETCH} must return).
     */
    static Map<CampaignMinute, Long> mergedUsers(Collection<MinuteRollup> latestRevisions) {
        Map<CampaignMinute, Union> unions = new TreeMap<>();
        for (MinuteRollup rollup : latestRevisions) {
            unions.computeIfAbsent(
                            new CampaignMinute(rollup.campaignId(), rollup.minute()), key -> SetOperation.builder()
                                    .setNominalEntries(1 << 12)
                                    .buildUnion())
                    .union(Sketch.wrap(Memory.wrap(Base64.getDecoder().decode(rollup.uniqueUsersSketch()))));
        }
        Map<CampaignMinute, Long> users = new TreeMap<>();
        unions.forEach(
                (key, union) -> users.put(key, Math.round(union.getResult().getEstimate())));
        return users;
    }
}
