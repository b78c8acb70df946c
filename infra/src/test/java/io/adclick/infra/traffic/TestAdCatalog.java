package io.adclick.infra.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.schemas.Fields;
import org.junit.jupiter.api.Test;

class TestAdCatalog {
    @Test
    void theStandardCatalogHas200CampaignsAcross20Advertisers() {
        AdCatalog catalog = AdCatalog.standard(1);

        assertThat(catalog.campaigns()).hasSize(200);
        assertThat(catalog.advertiserCount()).isEqualTo(20);
        assertThat(catalog.publishers()).hasSize(50);
    }

    @Test
    void everyIdIsAValidIdentifierAndEveryPriceIsInRange() {
        AdCatalog catalog = AdCatalog.standard(1);

        assertThat(catalog.campaigns()).allSatisfy(campaign -> {
            assertThat(campaign.id()).matches(Fields.IDENTIFIER);
            assertThat(campaign.advertiserId()).matches(Fields.IDENTIFIER);
            assertThat(campaign.adIds())
                    .hasSize(3)
                    .allMatch(ad -> Fields.IDENTIFIER.matcher(ad).matches());
            assertThat(campaign.cpcMicros()).isBetween(AdCatalog.MIN_CPC_MICROS, AdCatalog.MAX_CPC_MICROS);
            assertThat(campaign.landingUrl()).startsWith("https://landing.example/");
        });
    }

    @Test
    void theSameSeedGivesTheSameCatalog() {
        assertThat(AdCatalog.standard(5).campaigns())
                .isEqualTo(AdCatalog.standard(5).campaigns());
        assertThat(AdCatalog.standard(5).campaigns())
                .isNotEqualTo(AdCatalog.standard(6).campaigns());
    }

    @Test
    void rejectsFewerCampaignsThanAdvertisers() {
        assertThatThrownBy(() -> AdCatalog.generate(20, 10, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("campaigns >= advertisers");
    }
}
