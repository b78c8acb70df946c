package io.adclick.router.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.router.api.ApiException;
import org.junit.jupiter.api.Test;

class TestCampaignCsv {
    @Test
    void parsesBudgetsAndKeepsTheLastLineOfACampaign() {
        assertThat(CampaignCsv.parse(
                        "campaign_id,advertiser_id,daily_budget_micros\r\nc1,acme,100\nc2,acme,5\n\nc1,acme,200\n"))
                .containsExactly(new CampaignBudget("c1", "acme", 200), new CampaignBudget("c2", "acme", 5));
    }

    @Test
    void quotedFieldsAreReadAsRfc4180() {
        assertThat(CampaignCsv.parse("campaign_id,advertiser_id,daily_budget_micros\n\"c1\",\"acme\",\"7\"\n"))
                .containsExactly(new CampaignBudget("c1", "acme", 7));
        assertBad("campaign_id,advertiser_id,daily_budget_micros\n\"c1,acme,7\n", "Invalid CSV");
        assertBad("campaign_id,advertiser_id,daily_budget_micros\n\"c,1\",acme,7\n", "campaign_id (line 2)");
    }

    @Test
    void blankLinesCountInTheLineNumbers() {
        assertBad("campaign_id,advertiser_id,daily_budget_micros\n\nc1,acme,x\n", "on line 3");
    }

    @Test
    void malformedFilesAre400NamingTheLine() {
        assertBad("", "Empty body");
        assertBad("campaign,budget\nc1,5", "header");
        assertBad("campaign_id,advertiser_id,daily_budget_micros\nc1,acme", "Line 2");
        assertBad("campaign_id,advertiser_id,daily_budget_micros\nc1,acme,-4", "line 2");
        assertBad("campaign_id,advertiser_id,daily_budget_micros\nc1,acme,lots", "line 2");
        assertBad("campaign_id,advertiser_id,daily_budget_micros\nc1,a'b,5", "advertiser_id");
        assertBad("campaign_id,advertiser_id,daily_budget_micros\n", "header");
    }

    private static void assertBad(String csv, String mentions) {
        assertThatThrownBy(() -> CampaignCsv.parse(csv))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(mentions);
    }
}
