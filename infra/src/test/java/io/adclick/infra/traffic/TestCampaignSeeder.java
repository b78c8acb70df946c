package io.adclick.infra.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCampaignSeeder {
    @Test
    void theCsvHasTheRoutersHeaderAndOneBudgetPerCampaign() {
        AdCatalog catalog = AdCatalog.generate(2, 3, 1, 1, 7);
        List<String> lines = CampaignSeeder.csv(catalog).lines().toList();
        assertThat(lines.get(0)).isEqualTo("campaign_id,advertiser_id,daily_budget_micros");
        assertThat(lines.subList(1, lines.size()))
                .containsExactlyElementsOf(catalog.campaigns().stream()
                        .map(c -> "%s,%s,%d".formatted(c.id(), c.advertiserId(), c.cpcMicros() * 20_000))
                        .toList());
    }

    @Test
    void aRouterThatDoesNotAnswerIsAClearError() {
        CampaignSeeder seeder = new CampaignSeeder(URI.create("http://127.0.0.1:9"), CampaignSeeder.DEV_ENGINEER_KEY);
        assertThatThrownBy(() -> seeder.seed(AdCatalog.generate(1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not take the campaign budgets");
    }
}
