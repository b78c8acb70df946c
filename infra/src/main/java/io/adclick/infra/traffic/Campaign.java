package io.adclick.infra.traffic;

import static io.adclick.schemas.Fields.identifier;
import static io.adclick.schemas.Fields.micros;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** A campaign of the synthetic catalog: its advertiser, ads, price per click and landing page. */
public record Campaign(String id, String advertiserId, List<String> adIds, long cpcMicros, String landingUrl) {
    /** How many clicks a day a synthetic campaign's budget pays for. */
    public static final long BUDGETED_CLICKS_PER_DAY = 20_000;

    public Campaign {
        identifier("campaign_id", id);
        identifier("advertiser_id", advertiserId);
        adIds = List.copyOf(adIds);
        if (adIds.isEmpty()) {
            throw new IllegalArgumentException("Campaign " + id + " needs at least one ad");
        }
        adIds.forEach(ad -> identifier("ad_id", ad));
        micros("cpc_micros", cpcMicros);
        requireNonNull(landingUrl, "landingUrl is null");
    }

    /** The daily budget seeded into {@code adclick.campaigns}: {@link #BUDGETED_CLICKS_PER_DAY} clicks at its price. */
    public long dailyBudgetMicros() {
        return Math.multiplyExact(cpcMicros, BUDGETED_CLICKS_PER_DAY);
    }
}
