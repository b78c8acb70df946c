package io.adclick.router.pacing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One campaign's pacing on one UTC day.
 *
 * @param dailyBudgetMicros null when the campaign has no budget in {@code adclick.campaigns}
 * @param budgetUsed spend / budget; null without a positive budget
 * @param pace spend against the budget's share of the elapsed day: 1.0 is on pace, above is
 *     ahead (overspending); null without a positive budget or before the day starts
 * @param projectedSpendMicros spend so far divided by the elapsed fraction of the day (the spend at
 *     the day's end if the rate so far holds); the spend itself once the day is over
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CampaignPace(
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("spend_micros") long spendMicros,
        @JsonProperty("daily_budget_micros") Long dailyBudgetMicros,
        @JsonProperty("budget_used") Double budgetUsed,
        @JsonProperty("pace") Double pace,
        @JsonProperty("projected_spend_micros") long projectedSpendMicros) {
    public CampaignPace {
        requireNonNull(campaignId, "campaignId is null");
    }

    /** The pacing of a campaign that spent {@code spendMicros} when {@code elapsedFraction} of its day is over. */
    public static CampaignPace of(String campaignId, long spendMicros, Long dailyBudgetMicros, double elapsedFraction) {
        if (elapsedFraction < 0 || elapsedFraction > 1 || Double.isNaN(elapsedFraction)) {
            throw new IllegalArgumentException("Invalid elapsed fraction of the day: " + elapsedFraction);
        }
        boolean budgeted = dailyBudgetMicros != null && dailyBudgetMicros > 0;
        Double used = budgeted ? (double) spendMicros / dailyBudgetMicros : null;
        Double pace =
                budgeted && elapsedFraction > 0 ? (double) spendMicros / (dailyBudgetMicros * elapsedFraction) : null;
        long projected = elapsedFraction > 0 ? Math.round(spendMicros / elapsedFraction) : spendMicros;
        return new CampaignPace(campaignId, spendMicros, dailyBudgetMicros, used, pace, projected);
    }
}
