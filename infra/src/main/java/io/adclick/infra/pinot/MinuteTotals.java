package io.adclick.infra.pinot;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The stream's estimate for one campaign and minute, summed over the latest revision of every
 * rollup of that campaign-minute.
 *
 * @param uniqueUsers the Theta sketches of the rollups merged by Pinot at query time; empty when
 *     the query skipped them ({@link RollupQueries.UniqueUsers#SKIPPED})
 */
public record MinuteTotals(
        String campaignId,
        Instant minute,
        long impressions,
        long clicks,
        long billableClicks,
        long spendMicros,
        OptionalLong uniqueUsers) {
    public MinuteTotals {
        requireNonNull(campaignId, "campaignId is null");
        requireNonNull(minute, "minute is null");
        requireNonNull(uniqueUsers, "uniqueUsers is null");
    }
}
