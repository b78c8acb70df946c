package io.adclick.router.campaign;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.Fields;

/** A campaign's advertiser and daily budget, as stored in {@code adclick.campaigns}. */
public record CampaignBudget(String campaignId, String advertiserId, long dailyBudgetMicros) {
    public CampaignBudget {
        requireNonNull(campaignId, "campaignId is null");
        requireNonNull(advertiserId, "advertiserId is null");
        if (!Fields.isIdentifier(campaignId) || !Fields.isIdentifier(advertiserId)) {
            throw new IllegalArgumentException(
                    "Invalid campaign %s of advertiser %s: use identifiers of 1-64 characters of [A-Za-z0-9_.:-]"
                            .formatted(campaignId, advertiserId));
        }
        if (dailyBudgetMicros < 0) {
            throw new IllegalArgumentException(
                    "Invalid daily budget %d of campaign %s: use micros >= 0".formatted(dailyBudgetMicros, campaignId));
        }
    }
}
